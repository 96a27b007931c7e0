# a narrative <fact> naming a misspelled fact: the closest declared id is
# suggested
sed -i '186s|<fact value="is.op_income"|<fact value="is.op_incme"|' "$BOOK/periods/2004-q1.xml"
