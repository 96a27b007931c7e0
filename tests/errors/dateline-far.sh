# a dateline a month from the release date: a warning at the dateline
sed -i 's|city-ja="ニューヨーク" date="2004-08-09"|city-ja="ニューヨーク" date="2004-07-09"|' "$BOOK/periods/2004-q1.xml"
