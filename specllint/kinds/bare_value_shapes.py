"""Shapes of bare values for ``number-requires-unit`` (SPL202): the regular expressions that find a
property word, what joins it to its value, what may follow a number without a unit, and the other
shapes a unit-less size takes (axis letters, symbols, compositions, sheet materials, table cells)."""

from __future__ import annotations

import regex

from ..buildcache import compile_pattern

#: A short phrase that narrows the property: "elongation at break ≥ 300", "shrinkage after wash max 3"
#: (lower-case words only: "force per EN 15470" names a standard; a one-letter symbol with "=" owns the value:
#: "difference at α = 0.05").
NARROWING = (
    r"(?:[^\S\n]+(?i:at|after|of|in|under|on|per|between|across|along|to|against|with)[^\S\n]+(?!\p{L}[^\S\n]*[:=])(?-i:\p{Ll})[\p{L}-]*(?:[^\S\n]+(?-i:\p{Ll})[\p{L}-]*){0,2}"
    r"(?=[^\S\n]*[:=≤≥<>~≈]|[^\S\n]+(?i:max|min|not|up|at|less|more)|[^\S\n]+\d"
    # or a copula: "weight of each unit is to be 350"
    r"|[^\S\n]+(?i:is|are|must|shall|should|will)[^\S\n]+(?:to[^\S\n]+)?(?:not[^\S\n]+)?(?:be|stay|remain)[^\S\n]+\d)"
    # the condition of a measurement, with its unit: "noise at 1 m 35 max", "elongation after 24 h 300"
    r"|[^\S\n]+(?i:at|after|under|from|within)[^\S\n]+\d+(?:[.,]\d+)?[^\S\n]?(?!(?i:to|and|or|by|x|of|in|at|on)\b)[\p{L}°%µ]{1,3}(?![\p{L}\d])(?=[^\S\n]+\d)"
    # a point of measure of a garment: "length CB 72", "sleeve length from CB 84", "length HPS 70"
    r"|[^\S\n]+(?:(?i:from|at)[^\S\n]+)?(?-i:CB|CF|HPS|SNP|CBN|HSP)(?=[^\S\n]*[:=]?[^\S\n]*\d)"
    # a value given from one end of its range: "height adjustable from 62 to 127"
    r"|[^\S\n]+(?i:from|between)(?=[^\S\n]+\d))?"
)
#: What joins a label to its value: ":", "=", a table cell ("Thickness | 1,5"), "is", "of", a copula
#: ("must be 1.6", "stays 70x140") or nothing.
COPULA = (
    r"(?:is|are|of|=|(?:must|shall|should|will|to|would|can|may|(?:is|are)[^\S\n]+to)[^\S\n]+(?:not[^\S\n]+)?(?:be|stay|remain)"
    r"(?:[^\S\n]+(?:kept|held|maintained|set|fixed)[^\S\n]+(?:at|to))?"
    r"|remains?|stays?|equals?"
    # a value a property is kept or placed at: "keep the handle drop at 28" (not "at least", a limit)
    r"|at(?![^\S\n]+(?:least|most)\b))"
)
SEPARATOR = (
    r"(?P<paren>[^\S\n]*\([^)\n]{0,24}\))?"
    rf"(?:[^\S\n]*(?:[:=|\t—→]|->|=>)[^\S\n]*|[^\S\n]+[–-][^\S\n]+|[^\S\n]+(?:{COPULA}[^\S\n]+)?|(?<=[Ø⌀φΦ])[^\S\n]*"
    # a limit or approximation sign glued to the label: "Thickness≈2", "height≤75"
    r"|(?=[≤≥<>~≈])"
    # the value alone in parentheses ("body length (72)"), not a footnote mark ("(1)") or a label ("(2):")
    r"|[^\S\n]*\((?=[^\S\n]*[−-]?(?:\d{2,}|\d[.,]\d)[\d.,]*(?:[^\S\n]*[–~-][^\S\n]*\d[\d.,]*)?[^\S\n]*\)(?![^\S\n]*[:=])))"
)
QUALIFIER = (
    r"(?:(?:(?i:max|min|approx|ca|nom|typ)\.?|(?i:maximum|minimum|about|around|nominal|typical|approximately"
    r"|typically|usually|normally|generally|nominally|exactly|roughly"
    r"|no[^\S\n]+(?:more|less|greater|smaller|higher|lower)[^\S\n]+than|not[^\S\n]+to[^\S\n]+exceed"
    r"|(?:(?:must|shall|should|may|will|does|do)[^\S\n]+)?not[^\S\n]+(?:over|more[^\S\n]+than|less[^\S\n]+than|exceeding|exceed|above|below|under)|up[^\S\n]+to"
    r"|at[^\S\n]+(?:least|most)|less[^\S\n]+than|more[^\S\n]+than|over|under|above|below)|[≤≥<>~≈]|<=|>=)[^\S\n]*)?"
)
#: Letters that label the axes of a dimension chain: "LxWxH", "W × D × H".
AXES = r"(?-i:[LWHD](?:[^\S\n]*[×xX*/][^\S\n]*[LWHD]){1,2})"
#: A chain whose every number carries its axis letter: "W 100 × D 58 × H 200", "L1600 x W800 x H750".
LETTERED_CHAIN = compile_pattern(
    r"(?<![\p{L}\d])[LWHD][^\S\n]*:?[^\S\n]*\d+(?:[.,]\d+)*"
    r"(?:(?:[^\S\n]*[×xX*][^\S\n]*|[^\S\n]*[,/]?[^\S\n]+)[LWHD][^\S\n]*:?[^\S\n]*\d+(?:[.,]\d+)*){1,2}"
)
#: What may follow a number that has no unit: the end, punctuation or a function word.
FOLLOWERS = compile_pattern(
    r"[^\S\n]*(?:\Z|[,;:)\]!?\n•▪◦·]|\.(?!\d)|(?i:per|at|and|or|for|with|after|before|when|measured|tested|min|max"
    r"|minimum|maximum|on|each|±|\+/-|tolerance|if|according|typical|typ|nominal|under|during|from|beyond|between"
    r"|to(?![^\S\n]*\d)|in\s+(?:the|all|each)"
    # adverbs and qualifiers of the value: "wall thickness of 2 throughout", "overhang 2 all round", "12 DC"
    r"|throughout|overall|all\s+(?:round|around|over)|total|empty|full|incl|including|excl|excluding|apart|above"
    r"|below|across|along|around|inside|outside|only|as|thru|through|everywhere|uniformly|evenly|exactly"
    # both ends or sides, and an alternative value: "fringe 10 both ends", "cable 1.2 instead of 1.5"
    r"|both|instead|rather"
    # a distance between centres: "hole distance 96 centre to centre", "96 c/c"
    r"|cent(?:re|er)s?|c/c|c-c|o\.c\."
    # a verb after the value: "a thickness of 2 is required"
    r"|is|are|was|were|shall|must|should|will|(?-i:AC|DC|RMS))\b|±|\+/-"
    # another part added to the size: "120 × 180 + 40 gusset"
    r"|\+(?=[^\S\n]+\d)"
    r"|/[^\S\n]*(?i:pcs?|piece|unit|set|pair|ctn|carton|box|bag|roll|sheet|pack)\b|\|"
    r"|/[^\S\n]+(?=\p{L}{3})(?!(?i:min|sec|hour|day|week|month|year|pcs|piece|unit|set|pair|ctn|carton|box|bag|roll|sheet|pack|metre|meter)\b)"
    # a parenthesis that is not a unit: "30,000 (L70B50)", not "2 (mm)"
    r"|\((?![^\S\n]*[\p{L}%°µ/·²³.]{1,8}[^\S\n]*\))"
    # or one that qualifies the value: "2,5 (net)", "45 (max.)"
    r"|\((?=[^\S\n]*(?i:net|gross|approx|ref|max|min|nom|nominal|typ|typical|each|total|empty|full)\.?[^\S\n]*\)))"
)
#: The next label of a flattened table after a bare value: "Weight 210 Width 150", "N.W. 9.6 / G.W. 10.8".
NEXT_LABEL = compile_pattern(
    r"[^\S\n]+(?:/[^\S\n]*)?(?P<w>\p{L}[\p{L}.-]*)(?:[^\S\n]+\p{L}[\p{L}.-]*){0,2}[^\S\n]*[:=]?[^\S\n]*[−-]?\d"
)
#: A word in parentheses after the value: "60 (hard)", "2,5 (net)"; a unit there ("2 (mm)") is the unit.
PAREN_WORD = compile_pattern(r"[^\S\n]*\([^\S\n]*(?P<w>\p{L}[\p{L} .-]{1,15}?)[^\S\n]*\)")
#: A number before a property noun of length or mass: "180 weight", "450 net weight,", "3 thk,", "50 PCD".
BEFORE_NOUN_END = compile_pattern(r"[^\S\n]*(?:\Z|[,;:)\]\n]|\.(?!\d)|(?:and|per|each|on|in|at|for)\b|/)")
BEFORE_NOUN_UNITS = frozenset(("mm", "cm", "m", "g", "kg", "ml"))
#: Volumes written before their noun need a larger number: "590 capacity" (not "a 12 capacity" rack of bottles).
BEFORE_NOUN_MIN_VOLUME = 20
#: Shares of a composition written without "%": "cotton 60 / polyester 40", "PP 70, regrind 30".
SHARE = compile_pattern(
    r"(?<![\p{L}\d.,-])(?P<w>\p{L}[\p{L}-]{1,20})[^\S\n]*:?[^\S\n]*(?P<n>\d{1,2}(?:[.,]\d)?|100)(?![\d.,]*\d)"
)
SHARE_JOIN = compile_pattern(r"[^\S\n]*(?:/|,|\+|&|and|-|–)[^\S\n]*")
#: A number (or chain) before a dimension adjective or noun: "18 thick", "600 x 400 long", "8 in diameter",
#: "18 thickness plywood".
BEFORE_ADJECTIVE = compile_pattern(
    r"(?<![×*][^\S\n]?)(?<!\d[^\S\n]?[xX-][^\S\n]?)(?<![\p{L}\d.,/])(?P<num>\d+(?:[.,]\d+)?"
    r"(?:[^\S\n]*(?:[×xX*]|–|-|~)[^\S\n]*\d+(?:[.,]\d+)?){0,2})[^\S\n]+"
    r"(?P<adj>(?i:thick|wide|long|high|deep|tall|in[^\S\n]+(?:diameter|length|width|height|depth)|dia\.?"
    # or a property noun: "18 thickness plywood" (not "3 height settings")
    r"|(?:thickness|width|length|height|depth|diameter)(?![\p{L}-])(?![^\S\n]+(?:settings?|positions?|options?|levels?"
    r"|steps?|adjustments?|sizes?|class(?:es)?|grades?|variants?|versions?|choices|types?|markings?|tolerances?"
    r"|measurements?|readings?|points?|checks?|ranges?|codes?))))(?![\p{L}-])"
)
ADJECTIVE_PROPERTY = {"thick": "thickness", "wide": "width", "long": "length", "high": "height", "deep": "depth",
                       "tall": "height", "dia": "diameter", "dia.": "diameter"}
#: An asymmetric tolerance written without a unit: "+10/-0", "+0.2 -0.1".
ASYMMETRIC = compile_pattern(
    r"[^\S\n]*\+[^\S\n]?\d+(?:[.,]\d+)?[^\S\n]?/?[^\S\n]?[-−][^\S\n]?\d+(?:[.,]\d+)?(?![\d\p{L}%°])"
)
TOLERANCE_AFTER_ANGLE = compile_pattern(r"[^\S\n]?[°º][^\S\n]*(?:±|\+/-|\+[^\S\n]?\d)")
#: A second value of the same property after a parenthesised condition: "60 (hard) / 25 (soft)".
PARALLEL_VALUE = compile_pattern(
    r"[^\S\n]*\([^\S\n]*(?P<w>\p{L}[\p{L} .-]{1,15}?)[^\S\n]*\)[^\S\n]*/[^\S\n]*(?P<n>\d+(?:[.,]\d+)?)"
    r"(?=[^\S\n]*\([^\S\n]*\p{L}[\p{L} .-]{1,15}\))"
)
#: Codes of sheet materials whose decimal number next to them is a thickness.
SHEET_MATERIALS = (
    r"(?-i:PET|APET|PETG|PVC|PP|PE|PS|HIPS|ABS|PC|PMMA|MDF|HDF|SPCC|SECC|SGCC|SPHC|EVA|EPE|TPU|HDPE|LDPE|BOPP|CPP)"
)
MATERIAL_VALUE = compile_pattern(
    rf"(?<![\p{{L}}\d-]){SHEET_MATERIALS}(?:[^\S\n]+(?-i:\p{{Ll}}+))?[^\S\n]+(?P<n>\d+[.,]\d+)"
    rf"|(?<![\p{{L}}\d.,×*-])(?P<r>\d+[.,]\d+)[^\S\n]+{SHEET_MATERIALS}(?:[^\S\n]+(?-i:\p{{Ll}}+))?"
    r"(?=[^\S\n]*(?:[,;)]|\.(?!\d)|\Z))"
)
#: A container and a colon before a bare number that ends the item: "Serum bottle: 30;".
CONTAINER_VALUE = compile_pattern(
    r"(?i:\b(?:bottles?|jars?|jugs?|flasks?|vials?|tumblers?|mugs?|cups?|pots?|tins?|cans?|canisters?|pails?)"
    r")[^\S\n]*:[^\S\n]*(?P<n>\d+(?:[.,]\d+)?)(?=[^\S\n]*(?:[;)]|,(?![^\S\n]*\d)|\.(?!\d)|\Z))"
)
#: The number right before a property noun: "180 weight", "3 thk".
NUMBER_BEFORE = compile_pattern(
    r"(?<![\p{L}\d.,/×*#-])(?<!\d[^\S\n]?[xX×*][^\S\n]?)(?P<n>\d+(?:[.,]\d+)?)[^\S\n]+"
    # a position word may qualify the noun: "a 4 bottom gusset"
    r"(?:(?i:top|bottom|side|front|back|rear|inner|outer|upper|lower|inside|outside)[^\S\n]+)?\Z"
)
#: "stacked 4 high", "packed 4 high", "3 rows deep": counts of layers, not sizes.
STACKING = compile_pattern(
    r"(?i)\b(?:stack\w*|pack(?:ed|ing)|pil(?:ed|ing)|load(?:ed|ing)|palleti[sz](?:ed|ing)|rows?|tiers?|layers?|pallets?)\b"
    r"[^.;,\n]{0,20}\Z"
)
#: A one-letter symbol and "=": "t=2", "L = 1200", "Ø=8".
SYMBOL = compile_pattern(r"(?<![\p{L}\d])(?P<sym>[LWHDT]|t|[Ø⌀φΦ])[^\S\n]*=[^\S\n]*(?=\d)")
SYMBOL_PROPERTY = {"L": "length", "W": "width", "H": "height", "D": "diameter", "T": "thickness", "t": "thickness",
                    "Ø": "diameter", "⌀": "diameter",
                    "φ": "diameter", "Φ": "diameter"}
#: A chain whose numbers are followed by their axis letters: "40L x 30W x 20H", "40 (L) x 30 (W) x 20 (H)".
LETTERED_AFTER = compile_pattern(
    r"(?<![\p{L}\d.,])\d+(?:[.,]\d+)?[^\S\n]*(?P<a>\(?[LWHD]\)?)(?![\p{L}\d])"
    r"(?:[^\S\n]*[×xX*][^\S\n]*\d+(?:[.,]\d+)?[^\S\n]*\(?[LWHD]\)?(?![\p{L}\d])){1,2}"
)
#: Two readings of one rating ("output 12/1.5", "frequency 50/60").
PAIR_SEP = compile_pattern(r"[^\S\n]?/[^\S\n]?(?=\d)")
#: "200 by 200": a chain written with "by".
BY_SEP = compile_pattern(r"[^\S\n]+by[^\S\n]+(?=\d)")
DIGIT = compile_pattern(r"\d")
AXES_ONLY = compile_pattern(r"[lwhd](?:\s*[×x*/]\s*[lwhd]){1,2}")
#: A measuring position or direction given its own value ("top 20, bottom 35", "warp −3, weft −2", "front 150"):
#: it inherits the property named elsewhere in the clause, so a bare number after it needs a unit too.
POSITION = compile_pattern(
    r"(?<![\p{L}\d-])(?P<pos>(?i:top|bottom|front|rear|back|left|right|upper|lower|warp|weft"
    r"|lengthwise|widthwise|crosswise|limit|extreme)|MD|CD)[^\S\n]*[:=]?[^\S\n]*(?=[−-]?\d)"
)
AXIS_AFTER = compile_pattern(r"(?<=[\d\s])[LWHD][^\S\n]*:?[^\S\n]*\d")
#: A decimal fraction or a second number: what makes the value after an object noun a size.
DECIMAL_OR_CHAIN = compile_pattern(r"\d[.,]\d|\d[^\S\n]*(?:[×xX*✕]|by)[^\S\n]*\d")
UNIT_CHAR_AFTER = compile_pattern(r"(?:[\p{L}%°º℃℉″′'\"’”]|[^\S\n]?[%°º℃℉])")
#: The next table cell, which may hold the unit ("Capacity | 2000 | mAh").
NEXT_CELL = compile_pattern(r"[^\S\n]*[|\t][^\S\n]*(?P<cell>[^|\t\n]*?)[^\S\n]*[.;,]?[^\S\n]*(?:[|\t]|\n|\Z)")
#: A bare chain of two or three numbers after a label ("Carton box: 40*30*25", "Tabletop 120 x 60"): sizes
#: whose unit is missing, whatever the label is called.
BARE_CHAIN = compile_pattern(
    r"(?<=[\p{L}][^\S\n]*[:=|]?[^\S\n]*|[;,][^\S\n]*)(?<![\p{L}\d][^\S\n]?[×xX*][^\S\n]?)(?<![\p{Lu}\d])"
    r"(?=\d+(?:[.,]\d+)?(?:[^\S\n]*[×xX*✕][^\S\n]*|[^\S\n]+by[^\S\n]+)\d)"
)
#: The words a clause opens with, before its first number or list break.
SUBJECT = compile_pattern(r"[^\d;:,(|\n]*")
#: Labels of chains that are not sizes: screen resolutions, fabric constructions, rib and twill structures,
#: matrices, ratios, rope constructions, nominal lumber sizes and tyre sizes ("Tyre 26 × 2.1").
NOT_SIZE_LABEL = compile_pattern(
    r"(?i)\b(?:resolution|pixels?|construction|count|rib|twill|knit|mesh|matrix|grid|array|ratio|nominal|lumber|timber"
    r"|studs?|rope|strands?|format|layout|pattern|configuration|pins?|cores?|conductors?|ports?|channels?|drivers?|pack(?:ing|ed)?|arrangement|assortment"
    r"|layers?|stack(?:ing|ed)?|qty|quantity|moq|order|tyres?|tires?)\b"
)
#: The label right before a value: the words since the last boundary ("Carton box: ", "| Tabletop ").
LABEL_BEFORE = compile_pattern(
    r"(?:\A|[|;,(\n\t]|[.!?][^\S\n])[^\S\n]*(?P<key>[^|;,()\n\t\d]{1,60}?)[^\S\n]*[:=|]?[^\S\n]*\Z"
)
#: Small whole numbers in a chain are an arrangement of pieces ("6 x 4"), not a size.
SMALL_COUNTS = compile_pattern(r"\d(?:[^\S\n]*[×xX*✕][^\S\n]*\d){1,2}")
#: A cell that starts with a number: the cell before it was a label ("| Lumen | 4000 lm"), not a unit.
VALUE_CELL = compile_pattern(r"(?<=[|\t])[^\S\n]*[\d.]")
#: A label before ":", "|" or "=" that a value follows ("Height of seat from floor: 450").
KEY_VALUE = compile_pattern(
    r"(?:(?<=\A)|(?<=[|;,(\n\t])|(?<=[.!?][^\S\n]))[^\S\n]*(?P<key>[\p{L}Øø⌀φΦ][^|;,:=()\n\t\d]{1,48}?)[^\S\n]*[:=|\t][^\S\n]*"
)

#: Every key-value label ends in one of these: clauses without any skip the label scan.
KEY_MARK = compile_pattern(r"[:=|\t]")


def distinct_axes(chain: str) -> bool:
    """Whether a chain names at least two different axes ("40L x 30W", not "5L x 2L" of two cans)."""
    return len(set(regex.findall(r"(?<![\p{L}])[LWHD](?![\p{L}])", chain))) >= 2


#: A tolerance without a unit after its label: "Tolerance on all dimensions: ±2", "fill tolerance ± 3".
BARE_TOLERANCE = compile_pattern(
    r"(?i:\btoleran(?:ce|ces)\b|(?<!\bstandard[^\S\n])\bdeviations?\b)[^\d\n;.±+]{0,40}?"
    r"(?P<t>(?:±|\+/-|\+/−)[^\S\n]?\d+(?:[.,]\d+)?)"
)
#: An alternative value of the same property: "cable 1.2 instead of 1.5", "rather than 40".
ALTERNATIVE = compile_pattern(
    r"[^\S\n]+(?i:instead[^\S\n]+of|rather[^\S\n]+than|in[^\S\n]+place[^\S\n]+of)[^\S\n]+(?=\d)"
)
#: A height or distance given from a reference surface: "footrest 30 from floor", "rail at 1700 above the floor".
SURFACE_OFFSET = compile_pattern(
    r"(?<![\p{L}\d.,/×*#-])(?<!\d[^\S\n]?[xX×*][^\S\n]?)(?P<n>\d+(?:[.,]\d+)?)[^\S\n]+"
    r"(?i:above|below|from|off|under|beneath)[^\S\n]+(?i:the[^\S\n]+)?(?i:finished[^\S\n]+)?"
    r"(?i:floor|ground|ceiling|worktop|counter(?:top)?|table[^\S\n]?top|edges?|rim|hem|seat)(?![\p{L}-])"
)
#: A repeat interval of features along a length: "cut every 50", "hooks every 10", "stitched every 8".
PITCH = compile_pattern(
    r"(?i:\b(?:cut(?:table|able)?|spaced|placed|fixed|mounted|stitch(?:ed|es)?|perforat\w*|mark(?:ed|s)?"
    r"|holes?|hooks?|rivets?|screws?|staples?|loops?|eyelets?|grommets?|clips?|nails?|fixings?|supports?"
    r"|brackets?|(?:bar-?)?tacks?|slits?|notch(?:es)?|tabs?|pleats?)"
    r"[^\S\n]+(?:at[^\S\n]+)?(?:one[^\S\n]+)?every)[^\S\n]+(?=\d)"
)
#: One axis letter alone before a bare number: "L 15". A size only beside other bare sizes of the clause.
LONE_AXIS = compile_pattern(r"(?<![\p{L}\d.,/-])(?P<a>[LWHDT])[^\S\n]*:?[^\S\n]+(?=\d)")
#: A whole number that may be an object's size as well as its number ("tube 19", "cable 10"): a size when it
#: ends its item and another bare size of the clause stands beside it.
WHOLE_SIZE_MIN = 10
ITEM_END = compile_pattern(r"[^\S\n]*(?:\Z|[,;)\]\n•]|\.(?!\d))")
#: A distance between centres without a unit: "Handle 96 c/c", "holes 32 centre to centre".
CENTRES = compile_pattern(
    r"(?<![\p{L}\d.,/×*#-])(?P<n>\d+(?:[.,]\d+)?)[^\S\n]+(?:(?i:c/c|c-c|ctc|o\.c\.)|(?i:cent(?:re|er)s?)(?:[^\S\n]+to[^\S\n]+(?i:cent(?:re|er)))?)(?![\p{L}/-])"
)
#: The word right before a number, and nouns that number places rather than measure them ("row 12 from the floor").
PREVIOUS_WORD = compile_pattern(r"(?P<w>\p{L}[\p{L}.]*)[^\S\n]*[:#]?[^\S\n]*\Z")
ORDINAL_NOUNS = frozenset(("shelf", "shelves", "drawer", "floor", "storey", "story", "deck", "bay", "slot", "rack",
                           "no.", "nr.", "page", "line", "column", "room", "door", "window"))
#: "between" right before the first number: "between 70 and 110" is one range.
BETWEEN_BEFORE = compile_pattern(r"(?i:\bbetween)[^\S\n]+\Z")
#: A participle of placing before a small distance from a surface: "label placed 5 from the hem".
PLACED_BEFORE = compile_pattern(
    r"(?i:\b(?:placed|positioned|sewn|stitched|fixed|mounted|attached|printed|located|hung|installed|set|fitted))"
    r"(?:[^\S\n]+(?:at|about))?[^\S\n]+\Z"
)
#: Position words that locate a point of measure on the product itself (not warp/weft or machine directions).
SPATIAL_POSITIONS = frozenset(("top", "bottom", "front", "rear", "back", "left", "right", "upper", "lower"))
#: Size words that also name an identifier: their whole numbers are never taken for sizes ("ID 1234").
IDENTIFIER_WORDS = frozenset(("id", "i.d."))
#: A parenthesis that restates the bare value with its unit: "film gauge 80 (i.e. 20 µm)", "0.5 (= 500 µm)".
EXPLAINED = compile_pattern(
    r"[^\S\n]*\([^\S\n]*(?:i\.?[^\S\n]?e\.?|=|≙|equals?|equivalent[^\S\n]+to|which[^\S\n]+is)[^\S\n]*,?[^\S\n]*"
    r"\d[\d.,]*[^\S\n]*[\p{L}µ°%]"
)
#: A count per length after a density: "stitch density 12 per inch", "thread density 60 per cm".
COUNT_PER_LENGTH = compile_pattern(
    r"[^\S\n]+per[^\S\n]+(?:\d+[^\S\n]*)?(?i:inch|in|cm|mm|dm|metre|meter|m|ft|foot)\b"
)
#: A difference given by a comparative: "make the sleeve 2 longer", "the lid 1.5 wider than the box".
COMPARATIVE_VALUE = compile_pattern(
    r"(?<![\p{L}\d.,/×*#-])(?P<n>\d+(?:[.,]\d+)?)[^\S\n]+(?i:longer|shorter|wider|narrower|thicker|thinner|taller"
    r"|higher|lower|deeper|shallower|heavier|lighter|bigger|smaller|larger)(?![\p{L}-])"
)
#: A verb of change before a property and "to": "reduce the wall to 1.8", "increase the width to 65".
CHANGE_TO = compile_pattern(
    r"(?i:\b(?:reduce|increase|change|adjust|raise|lower|cut|trim|extend|shorten|lengthen|widen|narrow|enlarge"
    r"|thicken|modify|correct|revise|update|alter|amend)(?:s|d|ed|ing)?[^\S\n]+(?:the[^\S\n]+|its[^\S\n]+|our[^\S\n]+)?)"
    r"(?P<rest>[\p{L}][\p{L} -]{0,30}?)[^\S\n]+to[^\S\n]+(?=\d)"
)
#: A second value in the same frame: "thickness 4 at heel and 2 at toe".
PARALLEL_AT = compile_pattern(
    r"[^\S\n]+(?i:at|on|in)[^\S\n]+(?:(?i:the)[^\S\n]+)?\p{L}+[^\S\n]*(?:,|(?i:and))[^\S\n]+(?=\d)"
)
PARALLEL_AT_AFTER = compile_pattern(r"[^\S\n]+(?i:at|on|in)[^\S\n]+\p{L}")
#: A number before a position word, in a list: "Shade: 30 top / 40 bottom".
NUMBER_POSITION = compile_pattern(
    r"(?<![\p{L}\d.,/×*#-])(?P<n>\d+(?:[.,]\d+)?)[^\S\n]+(?i:top|bottom|front|rear|back|left|right|upper|lower)"
    r"(?=[^\S\n]*(?:[/,;|]|\.(?!\d)|\Z))"
)
