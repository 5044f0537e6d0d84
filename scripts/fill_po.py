"""Fill empty msgstr entries of a .po file from a JSON dictionary {msgid: msgstr}.

Used when adding interface strings: `makemessages` collects them, this fills the Vietnamese,
then `make messages` compiles. Plural entries take a list of forms.
"""

import json
import re
import sys


def fill(po_path: str, translations: dict) -> int:
    text = open(po_path, encoding="utf-8").read()
    filled = 0

    def single(match):
        nonlocal filled
        msgid = json.loads(match.group(2))
        if msgid in translations and isinstance(translations[msgid], str):
            filled += 1
            msgstr = json.dumps(translations[msgid], ensure_ascii=False)
            return f"{match.group(1)}msgid {match.group(2)}\nmsgstr {msgstr}\n"
        return match.group(0)

    text = re.sub(r'(^|\n)msgid ("(?:[^"\\]|\\.)*")\nmsgstr ""\n(?!")', single, text)

    def plural(match):
        nonlocal filled
        msgid = json.loads(match.group(2))
        forms = translations.get(msgid)
        if isinstance(forms, list):
            filled += 1
            msgstr = json.dumps(forms[0], ensure_ascii=False)
            head = f"{match.group(1)}msgid {match.group(2)}\nmsgid_plural {match.group(3)}"
            return f"{head}\nmsgstr[0] {msgstr}\n"
        return match.group(0)

    text = re.sub(
        r'(^|\n)msgid ("(?:[^"\\]|\\.)*")\nmsgid_plural ("(?:[^"\\]|\\.)*")\nmsgstr\[0\] ""\n',
        plural,
        text,
    )
    text = text.replace(
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
        '"Plural-Forms: nplurals=1; plural=0;\\n"',
    )
    text = re.sub(r'#, fuzzy\n(msgid "")', r"\1", text, count=1)
    open(po_path, "w", encoding="utf-8").write(text)
    return filled


if __name__ == "__main__":
    print(fill(sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))), "entries filled")
