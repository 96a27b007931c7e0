# a catalog unit id outside its pattern
sed -i 's|<unit id="col.yoy">|<unit id="Col.yoy">|' "$LOCALES/en.xlf"
MARK='<unit id="Col.yoy">'
MARKFILE="$LOCALES/en.xlf"
