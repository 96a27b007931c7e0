# a translator pasted a message twice: the second is an error naming both
sed -i 's|<unit id="col.qoq">|<unit id="col.yoy">|' "$LOCALES/en.xlf"
