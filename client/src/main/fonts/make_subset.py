#!/usr/bin/python3
"""Cut the client's embedded Chinese font out of Debian's Noto Sans CJK collection.

The client must not rely on the fonts of the PC it runs on, and JasperReports/OpenPDF need a
single .ttf file to embed (Identity-H). This script takes the Simplified Chinese face of Debian's
fonts-noto-cjk .ttc, keeps every character of GB 2312 and GBK plus Latin, Greek, punctuation and the
symbols test reports use (℃ ± ≥ ≤ × ㎡ ㎜ Ⅰ-Ⅳ ① …), converts the CFF outlines to TrueType
(quadratic) outlines so that Java2D, JavaFX and OpenPDF all read it, and renames the family so it
never collides with a system-installed Noto.

Run on Debian: apt-get install fonts-noto-cjk python3-fonttools, then
  /usr/bin/python3 client/src/main/fonts/make_subset.py client/src/main/resources/cn/cqs/client/fonts
The fonts are SIL Open Font License 1.1 (see OFL.txt beside them).
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

FACES = {
    "Regular": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "Bold": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
}
SC_INDEX = 2  # Noto Sans CJK SC inside the collection
FAMILY = "CQS Sans SC"


def wanted_codepoints():
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
    for lead in range(0x81, 0xFF):  # GBK covers GB 2312
        for trail in range(0x40, 0xFF):
            try:
                ch = bytes([lead, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            cps.add(ord(ch))
    for lo, hi in [(0x0370, 0x03FF), (0x2000, 0x206F), (0x2070, 0x209F), (0x2100, 0x214F),
                   (0x2150, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF),
                   (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F),
                   (0x3200, 0x32FF), (0x3300, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]:
        cps.update(range(lo, hi + 1))
    return cps


def to_truetype(font):
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = tt_pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, style):
    names = font["name"]
    full = f"{FAMILY} {style}" if style != "Regular" else FAMILY
    ps = FAMILY.replace(" ", "") + "-" + style
    for rec in list(names.names):
        if rec.nameID in (16, 17, 21, 22):
            names.removeNames(nameID=rec.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName(style, 2, 3, 1, 0x409)
    names.setName(f"{ps};subset of Noto Sans CJK SC", 3, 3, 1, 0x409)
    names.setName(full, 4, 3, 1, 0x409)
    names.setName(ps, 6, 3, 1, 0x409)
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0x61) | (0x20 if style == "Bold" else 0x40)
    font["head"].macStyle = 1 if style == "Bold" else 0


def main(out_dir):
    cps = wanted_codepoints()
    for style, path in FACES.items():
        font = TTCollection(path).fonts[SC_INDEX]
        options = subset.Options()
        options.layout_features = ["kern", "vert", "vrt2"]
        options.hinting = False
        options.desubroutinize = True
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=cps)
        subsetter.subset(font)
        to_truetype(font)
        rename(font, style)
        target = f"{out_dir}/CqsSansSC-{style}.ttf"
        font.save(target)
        print(target, len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    main(sys.argv[1])
