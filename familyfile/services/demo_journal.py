"""The sample family's journal: (day of life, EYFS area, what was seen, "first" title,
who saw it, picture key). Made-up observations written for the demo."""

from __future__ import annotations

TOBI_JOURNAL: tuple[tuple[int, str, str, str, str, str], ...] = (
    # (days old, area, text, first's title, seen by, picture)
    (425, "physical", "Let go of the sofa and took four wobbly steps to Daddy, then sat down "
     "and clapped for himself.", "First steps on his own", "Daddy", ""),
    (436, "communication_language", "Says \u201cba\u201d for ball and \u201comi\u201d for "
     "water (Yoruba). Hands us things and waits for us to say the word.", "", "", ""),
    (452, "personal_social_emotional", "Stay and play at the family hub. Watched the other "
     "children for a long time from my lap, then crawled over to the sand tray.", "", "", ""),
    (470, "understanding_world", "Points at every bus from the window and shouts "
     "\u201cbuh!\u201d. Knows the number 12 stops outside.", "", "", ""),
    (489, "expressive_arts", "Banging pans with a wooden spoon and bobbing up and down to "
     "Grandma's songs.", "", "Grandma", ""),
    (512, "mathematics", "Built a tower of six blocks, then knocked it down and laughed. "
     "Did it again and again.", "Tower of six blocks", "", "blocks"),
    (535, "physical", "Feeds himself with a spoon now. Most of the yoghurt reaches his mouth.",
     "", "", ""),
    (560, "literacy", "Brings us \u201cDear Zoo\u201d every night and lifts the flaps himself.",
     "", "", ""),
    (588, "communication_language", "New words this month: \u201cmore\u201d, \u201cbye\u201d, "
     "\u201cdada\u201d, \u201cbath\u201d. Still mostly points and pulls my hand.", "", "", ""),
    (615, "expressive_arts", "Hand painting at the family hub. Loved the blue and wanted it on "
     "his arms too.", "", "", "painting"),
    (640, "personal_social_emotional", "Gave his cousin a cuddle when she fell over.", "", "", ""),
    (668, "understanding_world", "Found a snail in the garden and watched it for ages. "
     "Said \u201cslow\u201d.", "", "Grandma", ""),
    (701, "physical", "Kicked a ball to Daddy in the park, and can run now (straight into "
     "puddles).", "First kick of a ball", "Daddy", ""),
    (731, "personal_social_emotional", "Second birthday party. Blew out the candle with a bit "
     "of help and shared his cake with everyone.", "", "", ""),
    (745, "personal_social_emotional", "First week at Little Acorns Nursery. Cried at drop-off "
     "on Monday; by Friday he waved and went to the water tray.", "Started nursery", "", ""),
    (768, "communication_language", "Put two words together: \u201cmore omi\u201d (more water) "
     "and \u201cbus gone\u201d.", "First two words together", "", ""),
    (790, "mathematics", "Sorting his cars into a line, all the red ones first.", "", "", ""),
    (845, "understanding_world", "Planted sunflower seeds in a pot with Grandma and waters "
     "them every morning.", "", "Grandma", "sunflower"),
    (862, "communication_language", "Started speech and language sessions with Amira. "
     "We practise choosing games at home: \u201capple or banana?\u201d and wait.", "",
     "", ""),
    (870, "literacy", "Joins in with \u201cWheels on the Bus\u201d: does all the actions and "
     "sings \u201cround and round\u201d.", "", "", ""),
    (898, "physical", "Jumped off the bottom step with both feet together.",
     "First jump with both feet", "", ""),
    (925, "expressive_arts", "Feeding his teddy pretend jollof rice with a block. Told teddy "
     "\u201ceat!\u201d", "", "", ""),
    (950, "personal_social_emotional", "Took his own coat and shoes off at nursery and put "
     "them on his peg (key person told us).", "", "Nursery", ""),
    (978, "communication_language", "Named ten pictures in his bus book. Mixes English and "
     "Yoruba and that is fine, says Amira.", "", "", ""),
    (1003, "understanding_world", "Walk in wellies after the rain. Saw a rainbow and "
     "said \u201crainbow! red!\u201d", "", "", "rainbow"),
    (1030, "mathematics", "Counts \u201cone, two, three\u201d when we go up the stairs "
     "(sometimes \u201cone, two, five\u201d).", "", "", ""),
    (1056, "literacy", "Makes marks with chunky crayons and tells us \u201cit's a bus\u201d.",
     "", "", ""),
    (1080, "expressive_arts", "Drew a circle after I showed him, then covered the page in "
     "circles.", "First circle drawn", "", ""),
    (1098, "understanding_world", "Ride on the top deck of the real bus, right at the front. "
     "The best day ever.", "", "Daddy", "bus"),
    (1110, "personal_social_emotional", "Sang to baby Ayo when she cried, and fetched her "
     "muslin. A very proud big brother.", "", "", ""),
    (1125, "communication_language", "Asks \u201cwhat's that?\u201d about everything. "
     "Started saying \u201cI do it\u201d.", "", "", ""),
    (1140, "physical", "Pedals his trike all the way to the corner shop.", "First time "
     "pedalling his trike", "", ""),
    (1150, "mathematics", "Knows which bag is \u201cbig\u201d and which is \u201clittle\u201d "
     "at the shops and carries the little one.", "", "", ""),
)


AYO_JOURNAL: tuple[tuple[int, str, str, str, str, str], ...] = (
    (1, "personal_social_emotional", "First skin-to-skin cuddle with Mummy on the neonatal "
     "unit. She held my finger.", "First cuddle", "", ""),
    (9, "physical", "Took a whole feed from a bottle of expressed milk, no tube.",
     "First full feed without the tube", "Neonatal nurse", ""),
    (22, "personal_social_emotional", "Home from the neonatal unit! Tobi wanted to hold her "
     "straight away.", "Came home", "", ""),
    (61, "understanding_world", "Watches the black-and-white cards on her cot for a long "
     "time.", "", "", ""),
    (92, "personal_social_emotional", "A real smile for Daddy (six weeks after her due "
     "date, right on time).", "First smile", "Daddy", ""),
    (118, "communication_language", "Coos back when Grandma sings to her in Yoruba.", "",
     "Grandma", ""),
    (139, "understanding_world", "First walk to the park pond. Wide awake watching the "
     "ducks.", "", "", "ducks"),
)
