import { chapter, type DemoWork } from '../demo.types.ts';
import { prose } from '../prose.ts';

/** "Smuggler’s Glass", the Kilnmark Saga's work in progress (3 of 5 chapters). All text is original. */
const lampOil = `
The princess wore a fisherman's coat three sizes too big and the expression of someone who had never once in her life been told no.

"You're Fenn," she said, sitting down across from him without being asked. The Drowned Lantern was loud that night, full of sailors and steam, and nobody looked twice at a girl in a borrowed coat. That was, presumably, the point.

"Depends who's asking."

"I'm asking." She put a purse on the table. It landed with the heavy, satisfying sound of real gold. "I need something taken out of Orrow. Quietly. Past the harbour chain, past customs, and on a ship to Vastmere by the new moon."

Jory looked at the purse, then at her hands. No calluses. A pale band on one finger where a ring had been until very recently. "What is it?"

"A crate of lamp oil."

"It's not lamp oil."

"No," agreed Princess Oriel of Vastmere, third in line to a throne her uncle was currently sitting on. "It's a bead. One bead, in the bottom of a crate of lamp oil. And if it reaches my mother's court, my uncle will not be sitting on anything for very long."

Jory sat back. He had smuggled a great many things in his twenty-four years: brandy, silk, letters, once a very bad-tempered parrot. He made it a rule never to smuggle anything that could start a war.

"No," he said.

"I haven't told you the price."

"Don't need to. The answer's no."

She leaned forward. Up close, her eyes were grey and very tired, and there was a fading bruise along her jaw that the collar of the coat didn't quite hide.

"There is a memory in that bead," she said quietly, "of a man I trusted telling another man to make sure I never left Orrow alive. I was behind the curtain. I bound it that night, in a workshop on Cinder Lane, and the glasswright who did it for me would not take my money either." She pushed the purse another inch toward him. "She said you'd say no. She said to ask you anyway. She said you always say no first."

Jory closed his eyes.

"Maelis," he said.

"Maelis," the princess agreed.

He opened them again. The Drowned Lantern roared on around them, oblivious. Somewhere out in the dark the harbour chain clanked against its posts.

"Half now," said Jory. "Half on the ship. And you do *exactly* what I tell you."

Princess Oriel smiled for the first time. It was not a nice smile. He liked it more than he should have.

"We'll see," she said.
`;

const customsHouse = `
The plan had been simple. Jory's plans were always simple; it was the world that insisted on complicating them.

The plan had been: the crate goes on Marrow's barge at dusk, Marrow's barge goes through the chain at the turn of the tide, and the customs men, who were bribed, look the other way. The plan had not included the customs men being *replaced* that very afternoon by a detachment of the Regent's own guard, in crisp blue coats, who did not take bribes and did not look any way but straight ahead.

"Well," said the princess, watching them over the rim of a fish crate. "This is exactly what you told me to do."

"Quiet."

"I'm only observing--"

"Observe *quietly*."

The line at the customs house moved slowly. Each barge was boarded. Each crate was opened. At the front, a captain with a face like a clenched fist was holding every bead he found up to the lamplight, one by one.

Jory thought fast. He thought about the side channel, which was silted; about the old sewer, which was flooded; about the chances of two people and a crate of lamp oil swimming the harbour mouth in autumn, which were poor.

"Take off that coat," he said.

"I beg your pardon?"

"Take it off. Put on this." He pulled a shawl from a basket of laundry that some kind soul had left on the quay, and wrapped it around her head and shoulders before she could argue. "You're my wife. We're taking lamp oil to your mother in Saltcombe. She's poorly. You're worried about her. You don't speak to soldiers because I'm jealous and I don't like it."

Oriel stared at him. "You're *jealous*?"

"Terribly. It's a great trial to us both."

When the captain reached them, Jory did all the talking -- his mother-in-law's chest, the price of oil, the damp -- and the princess stood two steps behind him with her eyes lowered and her hands folded, every inch the meek fisherman's wife, until the captain reached into the crate, and his fingers closed on something small and hard at the bottom, and her hand moved.

Jory never saw where the knife came from. He saw the captain's sleeve pinned neatly to the crate, and the captain's mouth fall open, and the princess say, in a voice like a bell, "*Run*."

They ran.
`;

const lowTide = `
They ended up under the harbour wall at low tide, in the mud, with the crate between them and the whole of the Regent's guard shouting overhead.

"Your *wife*," said Oriel, breathing hard. "Your meek, silent wife."

"You threw a knife at a customs captain."

"I pinned his *sleeve*. If I'd meant to hit him, he'd know it." She looked at him properly for the first time since the quay, and her face changed. "You're bleeding."

He looked down. He was, a little -- a long shallow cut along his forearm where someone's blade had found him in the scramble down the steps. It didn't hurt yet. It would.

"It's nothing."

"It is not nothing. Give it here." She tore a strip from the stolen shawl with her teeth, and took his arm, and bound it with quick, competent hands that had apparently learned something useful at court after all. Her fingers were cold. She did not look up while she worked.

"Where'd a princess learn field dressing?"

"From my mother's guard captain. I was a difficult child." She tied it off. "There. You may thank me."

"Thank you."

"Properly."

"That *was* properly."

She looked up then. They were very close, in the dark, in the mud, with the tide beginning to turn somewhere out beyond the chain and the water starting to creep in over the flats toward their boots. For a moment neither of them said anything at all.

Then a lantern swung over the wall above them, and a voice shouted, and the moment broke like thin glass.

"The tide," said Jory. "When it comes in, it'll cover the old sluice gate. There's a tunnel behind it. Runs under the customs house to the fish market."

"You're sure?"

"I grew up down here." He got his good arm under the crate. "Maelis and me used to hide from the harbour patrol in it. She'll tell you. She cried the whole time."

"She told me *you* cried the whole time."

"She would," said Jory. "She's a liar. Come on."

The water was at their ankles. They went.
`;

export const smugglersGlass: DemoWork = {
  slug: 'smugglers-glass',
  work: {
    title: 'Smuggler’s Glass',
    summary: prose('A princess on the run, a smuggler who always says no first, and a crate of lamp oil that is very much not lamp oil. What could possibly go wrong?'),
    notes: prose('Updates are slow, sorry! Chapter four is half-written and has a lighthouse in it.'),
    rating: 'Mature',
    warnings: ['Creator Chose Not To Use Archive Warnings'],
    categories: ['F/M'],
    fandoms: ['The Kilnmark Saga'],
    relationships: ['Jory Fenn/Oriel of Vastmere', 'Jory Fenn & Maelis Thorne'],
    characters: ['Jory Fenn', 'Oriel of Vastmere', 'Maelis Thorne'],
    tags: ['Slow Burn', 'Enemies to Lovers', 'Fake Marriage', 'Heist', 'Adventure', 'Minor Injuries'],
    language: 'en',
    complete: false,
    expectedChapters: 5,
    creators: ['saltandsilica'],
    publishedOn: '2023-05-20',
    chapters: [
      chapter(lampOil, { title: 'A Crate of Lamp Oil' }),
      chapter(customsHouse, { title: 'The Customs House', publishedOn: '2023-08-11' }),
      chapter(lowTide, { title: 'Low Tide', publishedOn: '2024-03-02', endNotes: 'Next time: the fish market, and a lighthouse. Thank you for your patience and for every comment!' }),
    ],
  },
};
