# an adjustment within a unit that leaves a total its parts cannot make:
# every part of current assets is exact in thousands, so none can give way
sed -i 's|<display>|<display>\n    <adjust table="balance-sheet" row="cash" column="value" period="current" shown="10627204">A unit up.</adjust>|' "$BOOK/periods/2004-q1.xml"
