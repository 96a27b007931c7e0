# the same fact twice in one period
sed -i 's|\(<f id="is.rev.vas">1186837</f>\)|\1\n    <f id="is.rev.vas">1186837</f>|' "$BOOK/periods/2004-q1.xml"
