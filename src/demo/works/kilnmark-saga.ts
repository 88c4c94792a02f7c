import { chapter, type DemoFandom } from '../demo.types.ts';
import { prose } from '../prose.ts';
import { smugglersGlass } from './kilnmark-smugglers-glass.ts';

/**
 * "The Kilnmark Saga" — an invented fantasy novel series set in the harbour city of Orrow, where
 * glasswrights bind memories into beads that anyone can see by holding them to the light.
 * All text is original. Three of the works form the series "Lessons in Glass".
 */
const FANDOM = 'The Kilnmark Saga';
const SERIES = 'Lessons in Glass';

const firstLesson = `
The first thing Master Corvin Ashdown taught her was how to sweep.

Maelis had come to the workshop on Cinder Lane expecting fire. She was twelve years old, thin as a broom handle, with a borrowed coat and a letter from the orphan house that described her as *quick, honest, and not overly given to biting*. She had expected to be handed a blowpipe and shown the furnace. She had expected, if she was honest, magic.

Instead the old man handed her an actual broom.

"The floor," he said.

"What about it?"

"Sweep it."

So she swept it. It was a large floor, flagstoned and uneven, and every crack held a glitter of broken glass. She swept it into a pile and showed him the pile, and he looked at it for a long time with his white eyebrows drawn together like two storm clouds meeting.

"Again," he said.

"I *did* it."

"You moved it," said Master Ashdown. "That is not the same thing. Again."

She swept it again. She swept it for a week. In the mornings, while he tended the great furnace at the back of the workshop and muttered at it like an old friend, she swept. In the evenings, while he sat at his bench turning little beads of coloured glass over and over in his knotted fingers, she swept. She found a copper button, three hairpins, and a tooth she chose not to think about. She swept until her palms blistered, and then he gave her a pair of gloves without comment, and she swept some more.

On the eighth day she lost her temper.

"This is *stupid*," she said, and threw the broom down so hard it clattered against the bench. "I came here to learn glass. Binding. Memory-work. I didn't come here to be your maid."

Master Ashdown looked at the broom. Then he looked at her. She waited for him to shout -- the matron at the orphan house would have shouted -- but he only sighed, and creaked to his feet, and beckoned.

"Come here, then. Bring the pan."

She brought the dustpan. He tipped it out onto the bench: a small grey heap of grit and shards. With a pair of tweezers he began to pick through it, separating the pieces, until he held up a fragment no bigger than a fingernail. It was blue. When he turned it to the window, it shimmered.

"Hold it to the light," he said. "Go on."

She did. And for one heartbeat the workshop vanished, and she was standing in a summer garden she had never seen, with the smell of cut grass and a woman's voice laughing somewhere out of sight, and a warmth in her chest so large and so sudden that she gasped--

--and it was gone, and she was in the workshop, and the shard was only a shard.

"What *was* that?"

"A bead I dropped in the winter of the flood year," said Master Ashdown. "A commission. Someone's afternoon with their mother. I never found all the pieces, and they never came back for it." He took the shard from her, gently, and laid it in a small wooden box lined with felt. The box, she saw, was nearly full. "Everything that breaks in this room is somebody's memory, Maelis. The floor is full of them. You do not *move* them. You *find* them."

She looked at the floor: the cracks, the glitter, the grey dust of a hundred years of glasswork.

"How many are there?"

"More than I will live to find." He sat down again, slowly, and picked up his little beads. "That is why I need an apprentice."

The next morning she was up before him. She swept the floor on her knees with a hand brush and a lamp, crack by crack, and by noon she had found two more blue shards and a splinter of amber that, held to the light, smelled of bread. She laid them in the felt box beside the others.

Master Ashdown looked at them for a long time.

"Good," he said.

It was the first time he had said it. She would learn, over the years, that it was nearly the only praise he ever gave, and that he never gave it lightly; and she would keep that first *good* the way other people keep a bead, held up to the light when the days were dark.

But that came later. That morning he only nodded at the furnace, where the fire roared low and orange behind its iron door.

"Tomorrow," he said, "you may learn to carry coal."
`;

const cullet = `
Four years, two hundred sacks of coal and one singed eyebrow later, Maelis Thorne was allowed to make her first binding.

"One memory," said Master Ashdown. He stood behind her at the furnace mouth, close enough that she could smell the pipe smoke in his coat. "Clear. Whole. Hold it in your mind the way you hold the pipe: firmly, but not so tight that your hands shake. When you breathe, you breathe *it* into the glass. Not your lunch. Not your worries. It."

"I know."

"You know the words. Knowing the words is not the same thing."

She had chosen her memory weeks ago: the morning of the blue shards, the old man looking at the felt box and saying *good*. It was the best thing she owned. She wanted it safe in glass, where it could never fade.

She gathered the melt on the end of the pipe, a glowing bead of orange like a small sun. She closed her eyes. She thought of the felt box, the lamp, the word.

She breathed.

And somewhere between her lungs and the glass the memory slipped, the way a foot slips on a wet stair, and a different one came up underneath it: a night of rain on the harbour wall, a lantern swinging, her mother's hand very tight around hers, and a boat that did not come back.

She opened her eyes. On the end of the pipe, cooling, was a bead the colour of a winter sea. Grey. Heavy. Cold already, though it had just left the fire.

Master Ashdown had turned away to fetch the tongs. He had not seen.

"Well?" he said.

"It cracked," said Maelis, and knocked the bead off into the cullet bin with the other broken glass before he could turn around. Her hands were shaking. "I'll try again tomorrow."
`;

const greyBead = `
She fished it out of the cullet bin that night, when the workshop was dark, and put it in her pocket.

It sat there for three days, heavy as a stone. She did not hold it to the light. She did not need to. It was as if the binding had opened a door she had spent eight years keeping shut, and now she could not find the handle to close it again. She heard rain in the furnace's roar. She smelled lamp oil on the stairs.

On the fourth evening she walked down to the harbour to throw it in the sea.

The tide was out and the mud flats shone like pewter. She climbed the old wall to the spot where she had stood that night, and took out the bead, and drew her arm back--

"I wouldn't," said a voice below her. "Customs men dredge there Tuesdays. They'll find it and sell it to some collector in the Upper Town, and then some lord with too much money will be looking at your worst night over his breakfast."

She looked down. Jory Fenn was sitting in a rowing boat tied to the wall, mending a net, his hair sticking up in six directions. They had been dock children together, once, before the orphan house and before the workshop. He had grown taller, and acquired a scar through one eyebrow and a reputation she did not ask about.

"How do you know what it is?"

"Because you look like you're about to be sick." He tied off the net. "And because everyone down here's got one. We just don't all have the trick of putting them in glass."

She sat down on the wall, the bead in her fist.

"I wanted to bind something good," she said. "I had it ready. And this came instead."

Jory was quiet for a while. Gulls walked on the mud.

"Maybe it wanted out," he said at last. "Maybe you've been carrying it so long it thought it was your turn to put it down somewhere."

"So I should throw it away."

"I didn't say *away*," said Jory. "I said *down*. There's a difference." He picked up his oars. "Ask your old man. He's been putting things down for sixty years, and he's still here."

She did not throw the bead into the sea. She walked home with it still in her pocket, and it was just as heavy, but for the first time in four days she did not mind the weight quite so much.
`;

const annealing = `
Master Ashdown was waiting for her in the workshop, which he never did. He was sitting at his bench with the lamp lit, and in front of him, on a square of felt, was a grey bead.

Not hers. Hers was in her pocket. This one was older, its surface clouded with age, the colour of rain on slate.

"Sit," he said.

She sat.

"You think I did not see," he said. "I have been making glass for fifty-eight years, Maelis. I know the sound a bead makes when it cracks, and I know the sound it makes when a frightened girl knocks it into a bin." He touched the grey bead with one finger, very lightly. "This is Hesper. My wife. The winter of the fever. I made it the spring after, and I did not mean to, either."

Maelis stared at it. In four years she had never heard him say the name.

"Do you know what annealing is?" he asked.

"Cooling," she said automatically. "You put finished glass in the annealing oven and bring the heat down slowly, over hours, so it doesn't shatter."

"And why does it shatter, if you rush it?"

"Because the outside cools faster than the inside. It pulls against itself."

"Yes." He nodded slowly. "Grief is hot glass. If you plunge it into cold water, into the sea, say, it will crack right through, and the cracks will go where you cannot see them. It must cool slowly. It must be kept somewhere warm, and looked at sometimes, and allowed to take as long as it takes."

He held out his hand. After a moment she took the grey bead from her pocket and put it in his palm, and he set it down on the felt beside his own.

They sat together and looked at the two grey beads in the lamplight. Neither of them held them up to the light. They did not need to.

"It's not what I wanted to bind," Maelis said eventually, in a small voice.

"I know."

"I wanted to bind the day you said *good*."

The old man was quiet for a long moment. When she looked up, his eyes were wet, and he was smiling, which she had seen perhaps four times in four years.

"Then you will bind it tomorrow," he said. "The furnace will be there. So will I." He tapped the felt between the two beads. "These can stay here. On my bench. Where it is warm."

She slept that night without hearing the rain at all.
`;

const lastBead = `
Master Corvin Ashdown died in the spring, in the week the almond trees flowered on Cinder Lane, in his own bed above the workshop, with the window open so that he could hear the furnace.

He had been ill all winter, in the slow, unremarkable way of very old men. There was no great drama in it. He grew tired; then more tired; then one morning he did not want to come down to the workshop at all, and Maelis, who was twenty-six and a journeyman now and had been running the furnace alone for months, brought the workshop up to him instead: a tray of beads to sort, a bowl of cullet to pick through, his old tweezers.

He sorted beads in bed for nine days. On the tenth he was too tired to hold the tweezers, so she read him the commission book aloud, and he corrected her pricing.

"You charge the Harbourmaster too little," he said.

"He's poor."

"He is *cheap*. It is not the same thing." He closed his eyes. "You were always too soft with the ones who haggle."

"I learned from you."

"You did not learn that from me," he said, and smiled without opening his eyes.

He slept after that. She sat with him through the afternoon and into the evening, with the window open and the furnace breathing below, and at some point, without any fuss at all, the way a coal settles in a grate, he stopped breathing with it.

***

She did not cry until the morning after the funeral, when she came down to the workshop and swept the floor.

She had swept it every morning for fourteen years. She did not know how to begin a day without it. She went down on her knees with the hand brush and the lamp, crack by crack, and she was nearly at the furnace when she found the bead.

It was not in a crack. It had been placed -- deliberately, in the very centre of the hearthstone, where she could not possibly miss it -- on a square of felt. It was a pale gold, the colour of morning light through a dusty window.

She knew his work. She would have known it anywhere. Her hands shook when she picked it up.

She held it to the light.

A workshop, years ago, seen from a bench. A thin girl of twelve on her knees on the flagstones with a hand brush and a lamp, her tongue between her teeth in concentration, so fierce and so careful. And a feeling that rose through the memory like heat through glass: *Oh. There you are. I have been waiting such a long time for you.*

The bead went dark. The workshop came back.

Maelis sat on the hearthstone for a long time, holding it. The furnace roared low and orange behind its iron door, as it had every day of her life here. Outside, the almond trees were dropping their petals on Cinder Lane.

When she could stand, she carried the gold bead to the bench. The two grey beads were still there on their felt, side by side, where he had put them ten years before. She laid the gold one between them.

Then she opened the commission book, and found the Harbourmaster's order, and crossed out the price, and wrote in a higher one.

"Good," she said aloud, to the empty workshop, and it sounded almost like him.
`;

export const kilnmarkSaga: DemoFandom = {
  name: FANDOM,
  characters: ['Maelis Thorne', 'Corvin Ashdown', 'Jory Fenn', 'Oriel of Vastmere'],
  relationships: ['Jory Fenn/Oriel of Vastmere', 'Corvin Ashdown & Maelis Thorne', 'Jory Fenn & Maelis Thorne'],
  works: [
    {
      slug: 'the-first-lesson',
      work: {
        title: 'The First Lesson',
        summary: prose('Before she bound a single memory, Maelis Thorne had to learn to sweep the floor. Master Ashdown was very particular about the floor.'),
        rating: 'General Audiences',
        warnings: ['No Archive Warnings Apply'],
        categories: ['Gen'],
        fandoms: [FANDOM],
        relationships: ['Corvin Ashdown & Maelis Thorne'],
        characters: ['Maelis Thorne', 'Corvin Ashdown'],
        tags: ['Pre-Canon', 'Mentor/Apprentice Relationship', 'Found Family', 'Fluff'],
        language: 'en',
        series: [{ title: SERIES, position: 1 }],
        creators: ['ashandember'],
        publishedOn: '2021-09-10',
        chapters: [chapter(firstLesson)],
      },
    },
    {
      slug: 'what-the-furnace-keeps',
      work: {
        title: 'What the Furnace Keeps',
        summary: prose('Maelis is sixteen, and ready for her first binding. The memory she means to put into the glass is not the one that comes out.'),
        notes: prose('Set about four years after *The First Lesson*. Jory Fenn has one scene because I cannot keep him out of anything.'),
        rating: 'Teen And Up Audiences',
        warnings: ['No Archive Warnings Apply'],
        categories: ['Gen'],
        fandoms: [FANDOM],
        relationships: ['Corvin Ashdown & Maelis Thorne', 'Jory Fenn & Maelis Thorne'],
        characters: ['Maelis Thorne', 'Corvin Ashdown', 'Jory Fenn'],
        tags: ['h/c', 'Grief/Mourning', 'Angst with a Happy Ending', 'Found Family', 'Magic'],
        language: 'en',
        series: [{ title: SERIES, position: 2 }],
        creators: ['ashandember'],
        publishedOn: '2022-01-08',
        chapters: [
          chapter(cullet, { title: 'Cullet', notes: '*Cullet* is broken or waste glass, saved to be melted down again.' }),
          chapter(greyBead, { title: 'The Grey Bead', publishedOn: '2022-01-29' }),
          chapter(annealing, {
            title: 'Annealing',
            publishedOn: '2022-02-19',
            endNotes: 'Annealing really is how glass is cooled: slowly, so it does not crack. It seemed like the right word for this chapter. Thank you for reading.',
          }),
        ],
      },
    },
    {
      slug: 'the-last-bead',
      work: {
        title: 'The Last Bead',
        summary: prose('Master Ashdown dies in the spring, in the week the almond trees flower. He leaves his apprentice one last bead.'),
        notes: prose('Please mind the warning. This is a gentle one, I promise: an old man dies peacefully in his own bed, and nobody suffers. Bring tissues anyway.'),
        endNotes: prose('This is the end of *Lessons in Glass*. Thank you to everyone who has followed Maelis from the broom to the bench.'),
        rating: 'Teen And Up Audiences',
        warnings: ['Major Character Death'],
        categories: ['Gen'],
        fandoms: [FANDOM],
        relationships: ['Corvin Ashdown & Maelis Thorne'],
        characters: ['Maelis Thorne', 'Corvin Ashdown'],
        tags: ['Character Death', 'Death from Old Age', 'Grief/Mourning', 'Bittersweet Ending', 'Mentor/Apprentice Relationship'],
        language: 'en',
        series: [{ title: SERIES, position: 3 }],
        creators: ['ashandember'],
        publishedOn: '2023-10-01',
        chapters: [chapter(lastBead)],
      },
    },
    smugglersGlass,
  ],
};
