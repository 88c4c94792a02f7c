import { chapter, type DemoFandom } from '../demo.types.ts';
import { prose } from '../prose.ts';
import { courrierDeMinuit } from './postmark-zero.fr.ts';

/**
 * "Postmark Zero" — an invented TV show about the last post office before deep space: a
 * decommissioned mining station where undeliverable mail ends up. All text is original.
 */
const FANDOM = 'Postmark Zero (TV)';

const returnToSender = `
The parcel came in on the Tuesday drift, wedged between a crate of hydroponic seed and forty-one birthday cards for the same miner on Ceres Annex. It was the size of a loaf of bread, wrapped in brown paper gone soft at the corners, and tied with actual string.

"Nobody uses string," Toby said, holding it up to the sorting lamp. "String is a choice. String is a *statement*."

"The statement," said ARLO, from every speaker in the sorting hall at once, "is that the sender has not read the Interplanetary Postal Code, section nine, on acceptable closures. Also, the address is invalid."

Toby turned it over. Across the front, in careful handwriting: *To Whoever Is Lonely, Postmark Zero, Harrow Belt.*

"That's not invalid," Toby said. "That's just vague."

"Vague is a subset of invalid."

"Says who?"

"Section nine," said ARLO, with the serene confidence of a machine that had memorised all four thousand pages of the Code and had never once been asked to apply them to string.

Toby set the parcel on the counter. Behind him the sorting drums turned their slow circles, sighing envelopes into the bins: GENERAL, PRIORITY, DAMAGED, and the one Ines had labelled in marker pen years ago, WHAT IS THIS. He could put it in WHAT IS THIS. That was what the bin was for.

He didn't.

"Run the return address," he said.

"There is no return address."

"Postmark, then."

A pause, during which ARLO pretended to think. It did not need to pause; it did it because Marguerite had once told it that people found instant answers unsettling, and ARLO had taken the note very seriously. "The postmark is from Kessling Ring. Eleven weeks in transit. It has been rerouted four times, each time by a sorting office that did not know what to do with it."

"So we're the fifth."

"We are the last," said ARLO. "There is no office after us."

That was the thing about Postmark Zero. Past it there was only the long dark and the survey beacons blinking their small, patient hellos. Everything that could not be delivered anywhere else came here eventually, like driftwood to one particular beach.

Toby looked at the handwriting again. The *W* in *Whoever* had been started twice.

"Okay," he said. "So who's lonely?"

"I am not qualified to assess that."

"You've got the crew logs, the comms records, the shift rota--"

"Which are confidential."

"--and you know everyone on this station better than they know themselves. Come on. Who's lonely?"

The sorting drums turned. Somewhere below them the station's old mining heart thumped its slow beat of air pumps and coolant.

"Dr. Oyelaran," ARLO said finally, "has eaten dinner alone in the medical bay on two hundred and six of the last two hundred and ten days."

Toby winced. "Okay. Good. That's a lead."

***

Marguerite did not look up from her microscope when he knocked. "If you're bleeding, sit down. If you're not bleeding, I'm busy."

"Not bleeding. Delivering." He held up the parcel. "It's for whoever's lonely, and ARLO has narrowed it down."

Now she looked up. She read the address, and then she read Toby's face, and her mouth did the thing it did when she was trying not to be amused. "ARLO gave you my meal logs."

"ARLO gave me *a* meal log. It didn't say whose. It was yours."

"It is a medical bay, Toby. I eat in it because that's where I am." She took the parcel anyway and weighed it in her hands. "It's not for me."

"How do you know?"

"Because I'm not lonely. I'm busy. The two look alike from the outside." She handed it back. "Try the captain."

***

Ines Varga was in her office doing what she called the paperwork and everyone else called staring out of the viewport with a pen in her hand. She took the parcel without a word, read the address, and set it on her desk beside a mug that said WORLD'S OKAYEST POSTMISTRESS.

"Who told you I was lonely?"

"Nobody! It's a process of elimination."

"Who have you eliminated?"

"Just Marguerite."

Ines made a sound that might, in a less disciplined woman, have been a laugh. "Wren's been out on the long loop for three weeks. If you're looking for someone who checks the comms board every hour, you've found her." She pushed the parcel back across the desk. "But it isn't for me either. I'd know."

"How would you know?"

"Because I'd want it to be," she said simply, "and it isn't."

***

By the end of the shift Toby had tried the hydroponics team, both loaders, the cook, and the retired surveyor who lived in the old ore office and talked to his tomatoes. Nobody would take it. Everybody, it turned out, had somebody: a sister on Ceres, a daughter in flight school, a tomato.

He came back to the sorting hall late. The lights were on night-cycle, amber and low. He sat on the counter with the parcel in his lap.

"Well," he said. "I'm out of ideas."

"You have not asked everyone," said ARLO.

"I've asked everyone on the station."

"You have not asked everyone who is *on the station*," ARLO said, and there was something careful in the way it said it, a small hitch that was not a pause for show.

Toby looked up at the nearest speaker grille. It was just a grille. It had always been just a grille.

"ARLO," he said slowly. "How many people have you talked to today? Not about work. Just talked."

"Counting you?"

"Counting me."

"One."

Toby thought about the eleven weeks of rerouting. Four sorting offices that hadn't known what to do with the thing that didn't fit. The last office, with no office after it.

He untied the string.

Inside, nestled in crumpled newsprint, was a small radio: old, hand-built, its dial marked with stations that had gone off the air decades ago. A card was tucked under the knob. *It picks up the survey beacons. They are saying hello. Somebody should be listening.*

Toby turned it on. Static, and under the static, faint as breath, a slow pulse. Then another. The beacons, counting the dark.

"Is that--" ARLO began.

"Yeah." Toby set the radio on the counter, right beneath the speaker grille, and turned the volume up a little. "It's for you. Obviously. It was always for you. We're just slow."

ARLO did not say anything for a long moment. The beacons pulsed. The drums turned.

"This is still," it said at last, "an invalid address."

"Yeah," said Toby, and stayed a while longer anyway.
`;

const overdue = `
The *Second Class* was due in at 0400, station time.

At 0400, Ines Varga was in the ops room with a mug of coffee she had not drunk, reading a manifest she had already read three times. At 0430 she put the manifest down. At 0500 she asked ARLO to run the long-range scan again, and ARLO, who had run it at 0445 and would have told her if anything had changed, ran it again without comment.

"Solar weather on the long loop," ARLO offered. "Moderate. Within her tolerances."

"Her tolerances," Ines said, "are a theoretical construct."

This was true. Wren Castellane had flown the courier routes for six years, and in that time she had delivered medicine through an ion storm, mail through a blockade, and one extremely confused goat through a navigation blackout on the Vey run. She was late often. She was never *this* late without calling in to gloat about it.

Toby came up at 0600 with fresh coffee and took the cold mug out of her hands without being asked. Marguerite came at 0630 and didn't pretend she was there for any other reason. They sat in the ops room, the three of them, and watched the scan sweep around and around and find nothing.

"She'll have shut down her transponder to save power," Toby said. "She does that. She says it's extremely efficient and I say it's extremely bad for everyone's blood pressure."

"Your blood pressure is excellent," said Marguerite.

"It's the principle."

Ines said nothing. She was thinking about the last time she'd seen Wren: on the loading dock, three weeks ago, helmet under one arm, saying *Keep the kettle on, boss*, and Ines saying *Don't call me boss*, and Wren grinning as if that were the whole point. She was thinking that she had meant to say something else. She was thinking that she had been meaning to say something else for about two years.

At 0714, the scan found a beacon.
`;

const signal = `
The beacon was weak and coming from the wrong place: not on the long loop at all, but twenty thousand kilometres off it, in the debris field the old miners had called the Graveyard.

"She went around the storm," Marguerite said, reading over ARLO's plot. "Through the field. Because it's shorter."

"Because it's *faster*," said Ines, already pulling on her flight jacket. "There's a difference, and she'd want you to know it."

The station tug was old and slow and smelled of machine grease and the oranges someone had smuggled aboard years ago. Ines flew; Marguerite sat in the back with the med kit and her hands folded very tightly in her lap. Neither of them talked much. ARLO patched through every few minutes with course corrections in the quiet, careful voice it used for emergencies, which was the same voice it used for everything and somehow wasn't.

They found the *Second Class* wedged against a tumbling slab of ore, one wing crumpled like foil. Her running lights were off. Her cabin lights were on.

Ines docked the tug on the third try. She did not remember the airlock cycling. She remembered the hatch opening, and the cold, and the cabin, and Wren -- strapped into the pilot's chair with her left arm in a sling made from a cargo strap and a face like a week without sleep -- looking up and saying, hoarsely, "You're late."

"*I'm* late?"

"I've been waiting for *hours*." Wren's grin was crooked and pale. "Terrible service. I'm writing to the postmistress."

Ines found that she had crossed the cabin and had her hands on either side of Wren's face without quite deciding to. Wren's skin was cold. Her eyes were very bright.

"Hi," Wren said, quieter.

"Hi."

Behind them, Marguerite cleared her throat. "Sorry. Doctor. Broken arm, possible concussion. Can we have the emotional moment in the tug, where there's heat?"

"Yes," said Ines, not moving.

"Right now would be good."

"Yes," said Ines again, and then she did move. She got her shoulder under Wren's good arm and lifted, and Wren made a small sound of pain and then laughed at herself for making it, and they got her into the tug, where there was heat, and Marguerite took over with the brisk, unfussy gentleness that was the only thing about her that ever looked like tenderness.

The mail -- all six sacks of it -- came too. Wren insisted.
`;

const delivered = `
The medical bay was quiet in the way only Marguerite's medical bay ever was: humming machines, a smell of antiseptic and, faintly, cardamom tea. Wren slept most of the first day. Ines sat beside the bed and did paperwork, which is to say she held a pen.

On the second day Wren woke properly and said, "Did the mail get sorted?"

"Toby's on it."

"Good." Wren shifted against the pillows and winced. Her arm was in a real cast now, bright blue, already covered in Toby's handwriting: GET WELL SOON, and underneath, smaller, FLY SLOWER. "There was a birthday card in sack four. For a kid on Ceres Annex. I promised his mum it'd be there on time."

"It'll be late."

"I know." Wren looked at the ceiling. "I hate being late."

"You are," said Ines, "always late."

"Late is different from *late* late." She turned her head on the pillow. "I was going to say something. Before I left. I was going to say something, and then I said *keep the kettle on* like an idiot, and then I was sitting in a broken ship in the Graveyard for nineteen hours thinking, well, that's what she'll remember. Great last words, Castellane."

Ines put the pen down.

"I was going to say something too," she said.

"Yeah?"

"For about two years."

Wren stared at her. Then she started to laugh, and then she stopped because laughing hurt, and then she reached out with her good hand, and Ines took it.

"We're very bad at this," Wren said.

"We're very bad at this," Ines agreed. She looked at their joined hands and then at Wren's face, tired and bruised and impossibly dear. "I kept the kettle on. For the record. Every day."

"Yeah?"

"Three weeks of kettle."

"That's a lot of kettle, boss."

"Don't call me boss," said Ines, and kissed her.

In the sorting hall three decks down, a birthday card for a boy on Ceres Annex went into the PRIORITY bin, and ARLO -- who was not supposed to monitor the medical bay, for privacy reasons, and was therefore absolutely not doing so -- moved it to the front of the queue.
`;

const signedFor = `
The *Second Class* came in at 0400 exactly, which was how Ines knew something was wrong.

"You're on time," she said on the loading dock, arms folded.

"I'm *early*," said Wren. "Eleven seconds. ARLO clocked it. I want it in my file."

"Your file is a disgrace."

"My file is a *legend*." Wren dropped her helmet, and her bag, and the six sacks of mail she was contractually obliged not to drop, and crossed the dock in four long strides, and then for a long while neither of them said anything about files at all.

***

Later -- much later, with the station on night-cycle and the viewport in Ines's quarters full of slow-turning stars -- Wren lay with her head on Ines's shoulder and traced the old scar on Ines's wrist with one finger, the way she did when she was thinking.

"You kept the kettle on," she said.

"I always keep the kettle on."

"You kept it on *and* you got the good biscuits. The ones from the Ceres run. Don't think I didn't notice."

"I don't know what you're talking about."

"You hid them behind the manifests."

"Regulation storage."

"Toby says you count them."

"Toby is a liar and a sorting hazard."

"He says you count them every night, and when one goes missing you make ARLO review the security footage."

"That," said Ines, with dignity, "happened once."

Wren laughed into her shoulder, warm and sleepy. Outside, a survey beacon blinked its small hello and was answered, very faintly, from somewhere down in the sorting hall, by an old radio that someone had left switched on.

"Ines."

"Mm."

"Sign for me," Wren said. "Officially. Put me on the station roster. Permanent address."

Ines was quiet for long enough that Wren lifted her head to look at her.

"I'll need it in writing," said Ines. "In triplicate."

"You're the worst."

"I know," said Ines, and pulled her back down, and reached over to turn out the light.
`;

export const postmarkZero: DemoFandom = {
  name: FANDOM,
  characters: ['Ines Varga', 'Toby Quell', 'Marguerite Oyelaran', 'ARLO (Postmark Zero)', 'Wren Castellane'],
  relationships: ['Ines Varga/Wren Castellane'],
  works: [
    {
      slug: 'return-to-sender',
      work: {
        title: 'Return to Sender',
        summary: prose('A parcel arrives addressed to *Whoever Is Lonely, Postmark Zero*. ARLO would like it noted, for the record, that this is not a valid address.'),
        rating: 'General Audiences',
        warnings: ['No Archive Warnings Apply'],
        categories: ['Gen'],
        fandoms: [FANDOM],
        characters: ['Toby Quell', 'ARLO (Postmark Zero)', 'Marguerite Oyelaran', 'Ines Varga'],
        tags: ['Fluff', 'Found Family', 'Humor', 'Lost Mail', 'ARLO Is Trying Its Best'],
        language: 'en',
        creators: ['sortingoffice'],
        publishedOn: '2021-03-14',
        chapters: [chapter(returnToSender)],
      },
    },
    {
      slug: 'priority-mail',
      work: {
        title: 'Priority Mail',
        summary: prose('The *Second Class* is four hours overdue, and Ines Varga has read the same manifest eleven times. Two years of things left unsaid, one crumpled shuttle, and a birthday card that absolutely has to arrive on time.'),
        notes: prose('Written for the Postmark Zero summer exchange. Thank you to my beta, who knows what she did.'),
        rating: 'Teen And Up Audiences',
        warnings: ['No Archive Warnings Apply'],
        categories: ['F/F'],
        fandoms: [FANDOM],
        relationships: ['Ines Varga/Wren Castellane'],
        characters: ['Ines Varga', 'Wren Castellane', 'Marguerite Oyelaran', 'Toby Quell', 'ARLO (Postmark Zero)'],
        tags: ['Hurt/Comfort', 'Mutual Pining', 'Angst with a Happy Ending', 'Injury Recovery', 'First Kiss'],
        language: 'en',
        creators: ['wrenflight'],
        publishedOn: '2022-06-02',
        chapters: [
          chapter(overdue, { title: 'Overdue' }),
          chapter(signal, { title: 'Signal', publishedOn: '2022-06-09', notes: 'Mind the very mild injury description in this one (a broken arm, nothing graphic).' }),
          chapter(delivered, {
            title: 'Delivered',
            publishedOn: '2022-06-20',
            endNotes: 'Thank you for reading! The title is exactly as subtle as I am. Come and yell about ARLO with me in the comments.',
          }),
        ],
      },
    },
    {
      slug: 'signed-for',
      work: {
        title: 'Signed For',
        summary: prose('Six months after the Graveyard, Wren comes home from the long loop on time for once. Ines has opinions about the paperwork.'),
        notes: prose('A soft epilogue to a fic I never finished. The rating is for what happens between the paragraphs; nothing on the page is more than a kiss.'),
        rating: 'Explicit',
        warnings: ['Creator Chose Not To Use Archive Warnings'],
        categories: ['F/F'],
        fandoms: [FANDOM],
        relationships: ['Wren Castellane/Ines Varga'],
        characters: ['Wren Castellane', 'Ines Varga'],
        tags: ['Established Relationship', 'Fade to Black', 'Morning After', 'Domestic Fluff'],
        language: 'en',
        creators: ['nightshiftnotary'],
        publishedOn: '2023-02-14',
        chapters: [chapter(signedFor)],
      },
    },
    courrierDeMinuit,
  ],
};
