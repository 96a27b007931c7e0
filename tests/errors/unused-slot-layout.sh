# the release's own layout decides which slots are used: a layout whose
# release template renames costs.sm leaves the narrative's costs.sm unused
mkdir -p "$BOOK/layouts/v2/templates"
sed 's|<narrative slot="costs.sm"/>|<narrative slot="costs.s_m"/>|' \
    "$TEMPLATES/release.xml" >"$BOOK/layouts/v2/templates/release.xml"
sed -i 's|<release date="2004-08-10"|<release date="2004-08-10" layout="v2"|' \
    "$BOOK/periods/2004-q1.xml"
