import { chapter, type DemoFandom } from '../demo.types.ts';
import { prose } from '../prose.ts';

/**
 * "Cartographers of Qell" — an invented exploration video game: a silent cartographer maps a sky
 * of floating islands, followed by a talkative fox merchant. All text is original. The crossover
 * with Postmark Zero lives here too.
 */
const FANDOM = 'Cartographers of Qell (Video Game)';
const ROOK = 'Rook (Cartographers of Qell)';
const SABLE = 'Sable (Cartographers of Qell)';

const fastTravel = `
Sable had opinions about fast travel.

"It's cheating," the fox said, trotting along the ridge path with her pack of wares clinking on her back. "You pull out your little map, you tap your little waystone, and *poof*, you're in Lowmarket. What did you see on the way? Nothing. What did you learn? Nothing. Who did you sell a lovely, slightly used compass to? Nobody, because you skipped me."

Rook, who had not said a word in the eleven days Sable had been following them, and who did not intend to start now, kept walking.

"I'm just saying," Sable went on, "a *real* cartographer walks."

This was rich, coming from a fox who appeared at every single waystone Rook had ever touched, already set up with her striped awning and her little bell, before Rook got there. Rook had long since stopped asking how. Rook suspected the answer was something like *merchant reasons*, and that it would not be satisfying.

The floating islands of Qell drifted around them in the late afternoon light, green and gold, trailing waterfalls that fell off their edges and turned to mist long before they reached anything. Rook's map -- the great, creased, ink-blotted map that was the whole reason Rook had come here -- was filling in, island by island. Every evening Rook unrolled it by the campfire and added the day's work: a ridge, a river, a ruin, a tree shaped like a sleeping dog. Sable always watched. Sable always had notes.

"That river's wrong."

Rook looked at the river. The river was not wrong.

"It bends left, after the falls. You drew it bending right."

Rook looked at the river again, in memory. Then, slowly, reached for the eraser.

"Don't feel bad," said Sable kindly. "Everybody's first map is wrong. Mine was wrong for years. I drew a whole island that turned out to be a very large, very patient cloud."

Rook had questions about this, and asked none of them. But Rook's eyebrows must have done something, because Sable laughed -- a bright, yipping fox laugh -- and flopped down by the fire with her chin on her paws.

"You want to know why I follow you," she said.

Rook did, actually.

"Because you go *everywhere*," said Sable. "Every cave. Every ledge. Every barrel. You open every single barrel in this whole archipelago, and you check behind every waterfall, and you jump off every cliff just to see what's at the bottom. Nobody else does that. The villagers don't. The captain doesn't. The captain flies *over*." She sighed, contented. "You're the only one who's ever going to reach the edge of the map. And I want to see what's there."

The fire crackled. Above them the islands turned slowly against the first stars.

Rook unrolled the map again and looked at the blank parchment at its eastern edge, where the ink stopped and there was only a faint printed line and the words, in old, faded letters: *HERE THE WORLD ENDS.*

Then Rook picked up the pen and, very carefully, drew a small fox sitting right on the line.
`;

const edgeOfTheMap = `
The edge of the world was a wall.

Not a stone wall, or a cliff, or a curtain of cloud. It was simply a place where the air became politely firm. Rook walked up to it and into it and stopped, the way you stop when you walk into a pane of glass you did not know was there. Beyond it, the sky went on: more clouds, more light, the faint shapes of islands far away.

Rook pushed. The air pushed back, with exactly the same amount of push.

"Huh," said Sable.

Rook tried jumping. Rook tried climbing. Rook tried walking into it backward, in case it was only a wall when you faced it. Rook tried throwing a barrel at it, which was a mistake, because the barrel bounced back and hit Rook in the knee.

"I think," Sable said carefully, "that might be as far as the map goes."

Rook sat down on the last rock in the world and looked at the faint shapes of the faraway islands, and did not say anything, which was normal, and did not move for a long time, which was not.

They were still sitting there at sunset when the shadow fell over them.

"You two," called Captain Idony Marsh, leaning over the rail of the *Grey Goose* with her hat pushed back and a telescope in one hand, "look like a pair of lost umbrellas. Need a lift?"

"There's a wall," Sable told her.

"There's always a wall." The captain let down a rope ladder. "Walls are for people on foot."

Rook looked at Sable. Sable looked at Rook.

"The captain," said Sable, with great dignity, "flies over."

The *Grey Goose* rose into the sunset. Rook stood at the bow, hands tight on the rail, as the wall passed beneath them, invisible and enormous, and then -- with a faint shiver in the air, like the skin of a soap bubble -- was behind them.

On the other side there was fog, and then there was not. And out of it, one by one, came the islands: islands nobody had drawn, islands with no names, rivers that bent in directions nobody had ever got wrong, because nobody had ever seen them.

Rook unrolled the map right there on the deck, in the wind, and Sable sat on one corner to hold it down, and Captain Marsh held the other with her boot, and Rook began to draw.

The first new island was small and green and roughly the shape of a sleeping fox.

"Oh, no," said Sable, delighted. "Oh, you *didn't*."

Rook wrote its name on the map in tidy capital letters: SABLE'S REST.

The fox was quiet for nearly a whole minute, which was a record.

"It's wrong," she said at last, in a slightly thick voice. "The tail's on the other side."

Rook, smiling, reached for the eraser.
`;

const nightFlight = `
夜深了，飞艇“灰雁号”慢慢地飘在云海上。

船长艾朵妮·马什睡不着。她端着一杯热茶走上甲板，看见绘图师洛克已经坐在船头，两条腿垂在栏杆外面，膝盖上放着一张还没画完的地图。

“又不睡觉？”船长问。

洛克没有回答。洛克从来不说话，只是抬起头，对船长笑了笑，然后指了指天空。

天上的星星很多，比在岛上看到的多得多。云海下面一片黑暗，上面却亮得像白天，好像整个世界都倒了过来。

船长在洛克身边坐下，把茶递过去。洛克喝了一口，马上皱起眉头——太烫了。船长忍不住笑出了声。

“我年轻的时候，”她说，“也想把所有的地方都画下来。每一座岛，每一阵风，每一颗星星。后来我才明白，地图是永远画不完的。世界比纸大。”

洛克想了想，拿起笔，在地图的角落里画了一艘小小的飞艇，又在飞艇上画了两个人：一个高，一个矮；一个拿着茶杯，一个拿着笔。

船长看了很久。

“这个地方也要画进去吗？”

洛克点点头。

风从东边吹过来，带着雨水和青草的味道。远处，一座没有名字的小岛在月光下慢慢升起。

“好吧，”船长说，“明天我们去那里。今天晚上，先看星星。”

两个人就这样坐着，一直坐到天亮。
`;

const forwardingAddress = `
The fox was standing on the counter when Toby came in for the morning shift.

This was unusual for several reasons. Postmark Zero had no foxes. It had no animals at all, apart from the hydroponics team's snail, who did not count, and the retired surveyor's tomatoes, who the surveyor insisted did. It also had no doors that opened onto anything but corridors and vacuum, and the fox was dusted with pollen and smelled faintly of rain.

"Good morning," said the fox. "I'd like to send a parcel."

"She has been here since 0300," said ARLO. "She came out of the WHAT IS THIS bin. I have filed a report."

"Who did you file it with?"

"Myself. I have also reviewed it. It is very thorough."

Toby put down his coffee. Behind the fox, half-hidden and looking deeply uncertain about the whole situation, stood a small figure in a patched travelling cloak, with an ink-stained satchel and a pen behind one ear. The figure looked at Toby, and raised one hand in a small, polite wave.

Toby waved back.

"That's Rook," said the fox. "Rook doesn't talk. I'm Sable. I do. We were taking a shortcut past the edge of the map, and the captain said *don't touch anything shiny*, and Rook touched something shiny, and now we're here." She beamed. "Lovely place. Very orderly. Your wall-voice is very rude."

"I am not rude. I am precise."

"Where's here?"

Toby considered how to explain the Harrow Belt to a fox. "Post office," he said. "At the end of everything."

Sable's ears went straight up.

"A *post office*," she breathed, "at the *end of everything*. Rook. Rook, did you hear? Give him the map."

Rook hesitated, then drew a great folded sheet of parchment out of the satchel and laid it on the counter, smoothing it flat with ink-smudged hands. Toby leaned over it. It was a map of islands -- hundreds of them, floating, drawn in tiny careful strokes -- and along its eastern edge someone had written *HERE THE WORLD ENDS*, and then someone else had crossed that out and kept going.

"We want to send it home," said Sable. "To the captain. So she knows we're all right. What's the rate?"

"The rate," said ARLO, "depends on the destination. What is the destination?"

"The edge of the map."

"That is not a valid address."

"It's *extremely* valid. Everybody knows where the edge of the map is."

"I do not."

"Well, that sounds like a *you* problem."

Toby left them to it. He found a padded envelope and a roll of tape. Rook watched him fold the map -- edges lined up, corners crisp -- and nodded in grave approval. When Toby held out a pen, Rook took it and wrote on the front of the envelope, in tidy capitals: CAPT. I. MARSH, THE GREY GOOSE, EAST OF THE WALL.

Then, after a moment's thought, underneath: WE ARE FINE. THERE IS A POST OFFICE.

"ARLO," said Toby. "Rate for east of the wall?"

A pause. A real one, this time.

"Section nine," said ARLO slowly, "does not cover it."

"So?"

"So I am going to have to use my judgement." The sorting drums began to turn, though it was nowhere near the start of the shift. "Second class. No charge. It goes in the WHAT IS THIS bin. That appears to be where things go when they need to get somewhere strange."

Sable put a paw on her chest. "You *are* a dear. I take back the rude."

"I accept your retraction."

When Toby looked round again, the fox and the cartographer were gone, and the envelope with them. There was only a little pollen on the counter and, propped against his coffee mug, a folded drawing: a space station, a sorting hall, a man with a mug, and a grille in the wall with a smiling face drawn on it.

Toby pinned it to the noticeboard, right beside the rota.

"ARLO," he said. "Is that supposed to be you?"

"No comment," said ARLO, who was -- Toby could have sworn it -- pleased.
`;

export const cartographersOfQell: DemoFandom = {
  name: FANDOM,
  characters: [ROOK, SABLE, 'Idony Marsh'],
  relationships: ['Rook & Sable (Cartographers of Qell)', 'Idony Marsh & Rook (Cartographers of Qell)'],
  works: [
    {
      slug: 'uncharted-mostly',
      work: {
        title: 'Uncharted, Mostly',
        summary: prose('Rook has not said a word in eleven days. Sable has said enough for both of them. Together they set out to find what lies past the edge of the map (answer: a wall, at first).'),
        notes: prose('Spoilers for the end of the main quest, sort of. Also, yes, I have opened every barrel in this game.'),
        rating: 'Teen And Up Audiences',
        warnings: ['No Archive Warnings Apply'],
        categories: ['Gen'],
        fandoms: [FANDOM],
        relationships: ['Rook & Sable (Cartographers of Qell)'],
        characters: [ROOK, SABLE, 'Idony Marsh'],
        tags: ['Humor', 'Adventure', 'Found Family', 'Silent Protagonist', 'Video Game Mechanics', 'Sable Is A Menace'],
        language: 'en',
        creators: ['rook_main'],
        publishedOn: '2022-08-19',
        chapters: [
          chapter(fastTravel, { title: 'Fast Travel' }),
          chapter(edgeOfTheMap, { title: 'The Edge of the Map', publishedOn: '2022-09-02', endNotes: 'The tail really is on the other side. Rook fixed it.' }),
        ],
      },
    },
    {
      slug: 'ye-hang',
      work: {
        title: '夜航',
        summary: prose('深夜的飞艇上，船长和不说话的绘图师一起看星星。'),
        notes: prose('第一次用中文写同人，请多指教！'),
        rating: 'General Audiences',
        warnings: ['No Archive Warnings Apply'],
        categories: ['Gen'],
        fandoms: [FANDOM],
        relationships: ['Idony Marsh & Rook (Cartographers of Qell)'],
        characters: ['Idony Marsh', ROOK],
        tags: ['Fluff', 'Friendship', '温馨', 'Stargazing'],
        language: 'zh',
        creators: ['青灯夜行'],
        publishedOn: '2023-07-07',
        chapters: [chapter(nightFlight)],
      },
    },
    {
      slug: 'forwarding-address',
      work: {
        title: 'Forwarding Address',
        summary: prose('A fox walks into a post office at the end of everything. She would like to send a map to the edge of the world, second class, and she is not leaving until someone tells her the rate.'),
        notes: prose('Co-written over one very long voice call. We regret nothing. You do not need to know either canon: there is a fox, and there is a post office.'),
        rating: 'Not Rated',
        warnings: ['No Archive Warnings Apply'],
        categories: ['Gen'],
        fandoms: ['Postmark Zero (TV)', FANDOM],
        characters: ['Tobiah Quell', 'ARLO (Postmark Zero)', SABLE, ROOK],
        tags: ['Crossover', 'Humor', 'Lost Mail', 'ARLO Is Trying Its Best', 'Sable Is A Menace'],
        language: 'en',
        creators: ['sortingoffice', 'rook_main'],
        publishedOn: '2024-01-27',
        chapters: [chapter(forwardingAddress)],
      },
    },
  ],
};
