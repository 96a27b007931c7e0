# a message's own wording of its US-dollar unit that says another unit
sed -i 's|^\(    <unit id="highlight.ebitda">\)$|    <unit id="highlight.revenues.fmt.usd.millions">\n      <notes><note category="args">0 US dollars in millions (no sign)</note></notes>\n      <segment>\n        <source>$ {0} billion</source>\n      </segment>\n    </unit>\n\1|' "$LOCALES/en.xlf"
MARK='<source>$ {0} billion</source>'
MARKFILE="$LOCALES/en.xlf"
