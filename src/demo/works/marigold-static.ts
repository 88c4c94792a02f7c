import { chapter, type DemoFandom } from '../demo.types.ts';
import { prose } from '../prose.ts';

/**
 * "Marigold Static" — an invented four-piece band (every member invented too), as a fandom:
 * tour stories. All text is original.
 */
const FANDOM = 'Marigold Static (Band)';

const soundcheck = `
The Alcott Theatre held eleven hundred people, and at four in the afternoon it held exactly two.

"Check, check," said Theo into the keyboard mic, and his voice came back from the far walls half a second late, a polite ghost of itself. "One, two. Is this too much reverb? This feels like too much reverb. I sound like I'm announcing trains."

From behind the drum kit, Dez said, "You always sound like you're announcing trains."

"Rude."

"Accurate." Dez hit the kick drum twice, listened to it roll out into the empty seats, frowned, and nudged a microphone half an inch to the left. The sound engineer had gone to find coffee. Juno and Mika had gone to find the engineer, on the grounds that the coffee would be wherever the engineer was. Which left the two of them, and the stage lights in their pale afternoon setting, and eleven hundred red velvet seats holding their breath.

Dez liked soundcheck. Most people in bands didn't -- it was the boring part, the part between the van and the show, all tuning and waiting and saying *check* into things -- but Dez liked it. It was the only time on tour when a room was quiet. Every night the Marigold Static played to a wall of noise, and every day, for about an hour, they got to hear what the room sounded like with nobody in it. Every room had its own voice. The Alcott's was warm and a little sad, like an old coat.

Theo was noodling. He did that at soundcheck, when he thought nobody was listening: little runs and phrases, half a chorus of something, a melody that went up and didn't quite come down. Dez had been listening to Theo noodle at soundchecks for three years, four tours and something like two hundred and ninety rooms, and kept a private, unspoken, slightly embarrassing catalogue of every one.

This one was new.

It was slow. It sat in the low middle of the keyboard and rocked, back and forth, like a boat on a mooring. Then it climbed, hesitated, and came down somewhere Dez did not expect, somewhere that made the back of Dez's neck prickle.

Without really deciding to, Dez picked up the brushes and started to play along. Soft. Just a shuffle on the snare, a heartbeat on the kick, the ride cymbal whispering.

Theo's head came up. He didn't stop playing. He looked across the stage, and Dez looked back, and for a while neither of them said anything, because they were both busy, and because it was good: the two of them and the warm, sad voice of the empty room.

When Theo finally lifted his hands, the last chord hung in the air for a long time.

"What's that called?" Dez asked.

"It doesn't have a name." Theo was very carefully not looking at anything. "It doesn't have words, either. I've been trying. Everything I write sounds stupid."

"Try me."

"Absolutely not."

"Theo."

Theo sighed and looked up at the ceiling, where a hundred unlit bulbs hung in their brass fittings like a chandelier that had given up. Then, quietly, not quite singing, he said:

"Every room has a voice when it's empty,
and I've heard two hundred and ninety,
and the only one I'd keep
is the one behind me, keeping time."

Silence. A long one. At the back of the theatre a door opened, let in a wedge of corridor light and the sound of Juno laughing, and closed again.

"It's stupid," Theo said.

"Two hundred and ninety," said Dez slowly.

"Ish. I lost count in Belgium."

"You've been counting."

"You've been keeping a list," Theo said, "of everything I play at soundcheck. In the back of the notebook. I've seen it. You wrote *Tuesday, Lyon, the sad one in D*."

Dez felt their whole face go hot, which was not a thing that happened. "That was private."

"So was the song."

They looked at each other across the stage. Eleven hundred red velvet seats held their breath.

"Play it again," said Dez. "From the top. I'll come in on the second bar."

Theo smiled -- the real smile, the crooked one he never did on stage -- and put his hands back on the keys.

That night, for the encore, the Marigold Static played a song nobody in the audience had heard before. It was slow, and it rocked like a boat on a mooring, and it didn't have a name yet. The drummer played it with brushes. People said afterwards that the keyboard player sang the whole thing facing the wrong way, toward the back of the stage, and never once looked at the crowd.
`;

const laundromat = `
The van died outside a town called Little Fennick at ten past six on a Sunday evening, in the rain.

It did not die dramatically. There was no smoke, no bang. It simply sighed, like an old dog lying down, and rolled to a gentle stop outside a row of shuttered shops, and would not start again no matter how nicely Mika asked it.

"We're due in Harlow at nine," said Juno, who was in charge of the schedule and took it personally.

"The van," said Mika, from under the bonnet, "does not care."

The nearest garage was closed until Monday. The recovery service said two hours, possibly three, it was a busy night, had they tried turning it off and on again. Dez phoned the venue in Harlow and apologised for a very long time. Theo found the only lit window on the street, pressed his nose against it, and reported back.

"It's a laundromat," he said. "It's warm. It has a vending machine. There are three people in it and one of them is a dog."

They went into the laundromat.

It was the kind of place that had not been decorated since before any of them were born: orange plastic chairs bolted to the floor, a noticeboard layered with cards offering lawnmowers and piano lessons, and a long row of machines, four of them turning, filling the room with a warm, soapy hum. The occupants were an elderly man reading a newspaper, a woman in a nurse's uniform asleep upright with her mouth open, and a boy of about nine doing homework at the folding table while a large, patient dog lay across his feet.

The boy looked at the four of them -- soaked, bedraggled, carrying instrument cases -- with enormous suspicion.

"Are you a band?" he asked.

"Sort of," said Juno.

"Are you *famous*?"

"Sort of," said Mika, at the same moment as Dez said "No" and Theo said "In Belgium."

The boy considered this. "Play something, then."

Juno looked at the others. The others looked at Juno. The nurse snored gently. The old man turned a page.

"We don't have any amps," Juno said.

"Or power," said Mika.

"Or drums," said Dez mournfully -- and then looked at the row of washing machines, and the empty detergent tubs stacked by the door, and the hollow metal folding table, with a dawning and dangerous expression.

***

They played for an hour and a half.

Juno on acoustic guitar, sitting on top of a dryer. Mika on the bass, unplugged, which you could barely hear, which didn't matter, because Mika played mostly for the feel of the thing anyway. Theo on a tiny battery keyboard he had bought at a petrol station two tours ago "for emergencies", which he had always said would come in useful and which nobody, until tonight, had believed. And Dez on drums: two upturned detergent tubs, the side of the folding table, and machine number four, which turned out to give a deep, resonant clang when you hit it with a wooden spoon.

They played the old songs first, the ones from the first album, the ones they hardly played any more because they were too simple and too young. They sounded right in the laundromat. Everything sounded right in the laundromat. The machines hummed along in a key somewhere between C and D, and Juno, laughing, retuned to match them.

The old man put down his newspaper after the second song. The nurse woke during the fourth and did not go back to sleep. The boy abandoned his homework entirely and sat cross-legged on the floor in front of them with the dog's head in his lap, and after every song he said "*Again*," and sometimes they did.

At a quarter to eight a woman came in with two bags of towels, stopped in the doorway, and stayed.

At eight the man from the chip shop across the road came over to see what the noise was, went back, and returned with chips for everybody.

At half past eight the recovery truck pulled up outside, its orange light turning slowly in the rain, and the driver came in to find them and stood at the back, dripping, for three more songs before he said anything.

"Last one," said Juno, when he finally cleared his throat. "Any requests?"

The boy put his hand up as if he were at school.

"The first one," he said. "Again."

So they played the first one again: the simple song, the young one, from before any of them knew what they were doing. The machines hummed. Dez hit number four with the wooden spoon on every chorus, and the dog, who had slept through everything else, lifted its head and thumped its tail on the linoleum in time.

They reached Harlow at midnight, three hours late, to an empty venue and a very patient promoter. Nobody minded much.

Years later, when people asked the Marigold Static about the best show they had ever played, the four of them would give four different answers in interviews -- a festival, a stadium, a sold-out night in Lyon -- and then afterwards, in the van, they would look at each other and say, without needing to say which: *Little Fennick*.
`;

export const marigoldStatic: DemoFandom = {
  name: FANDOM,
  characters: ['Juno Abernathy', 'Dez Okafor', 'Mika Lindqvist', 'Theo Brandt'],
  relationships: ['Dez Okafor/Theo Brandt'],
  works: [
    {
      slug: 'soundcheck',
      work: {
        title: 'Soundcheck',
        summary: prose('Every room has a voice when it is empty. Dez has been listening to Theo play to two hundred and ninety of them.'),
        notes: prose('Dez uses they/them pronouns. The Alcott is not a real theatre, but it should be.'),
        rating: 'Teen And Up Audiences',
        warnings: ['No Archive Warnings Apply'],
        categories: ['Other'],
        fandoms: [FANDOM],
        relationships: ['Dez Okafor/Theo Brandt'],
        characters: ['Dez Okafor', 'Theo Brandt', 'Juno Abernathy'],
        tags: ['Tour Fic', 'slowburn', 'Mutual Pining', 'Tooth-Rotting Fluff', 'Songwriting', 'Non-Binary Character'],
        language: 'en',
        creators: ['b_side_bee'],
        publishedOn: '2021-05-30',
        chapters: [chapter(soundcheck)],
      },
    },
    {
      slug: 'setlist-for-a-laundromat',
      work: {
        title: 'Setlist for a Laundromat',
        summary: prose('The van breaks down in the rain outside a town called Little Fennick. The only lit window on the street belongs to a laundromat, and a nine-year-old critic is waiting inside.'),
        endNotes: prose('Based on a true story, if the true story were about a much less talented band and a vending machine that ate all our coins.'),
        rating: 'General Audiences',
        warnings: ['No Archive Warnings Apply'],
        categories: ['Gen'],
        fandoms: [FANDOM],
        characters: ['Juno Abernathy', 'Dez Okafor', 'Mika Lindqvist', 'Theo Brandt'],
        tags: ['Found-Family', 'Humor', 'Road Trip', 'Rain', 'Fluff', 'Band Fic'],
        language: 'en',
        creators: ['tourbusdiaries'],
        publishedOn: '2024-04-12',
        chapters: [chapter(laundromat)],
      },
    },
  ],
};
