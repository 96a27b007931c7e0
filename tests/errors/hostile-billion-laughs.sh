# billion laughs: nested entity expansion in a period file
sed -i 's|^<period|<!DOCTYPE period [ <!ENTITY a "ha"> <!ENTITY b "\&a;\&a;\&a;\&a;\&a;\&a;\&a;\&a;\&a;\&a;"> <!ENTITY c "\&b;\&b;\&b;\&b;\&b;\&b;\&b;\&b;\&b;\&b;"> <!ENTITY d "\&c;\&c;\&c;\&c;\&c;\&c;\&c;\&c;\&c;\&c;"> <!ENTITY e "\&d;\&d;\&d;\&d;\&d;\&d;\&d;\&d;\&d;\&d;"> <!ENTITY f "\&e;\&e;\&e;\&e;\&e;\&e;\&e;\&e;\&e;\&e;"> <!ENTITY g "\&f;\&f;\&f;\&f;\&f;\&f;\&f;\&f;\&f;\&f;"> <!ENTITY h "\&g;\&g;\&g;\&g;\&g;\&g;\&g;\&g;\&g;\&g;"> <!ENTITY i "\&h;\&h;\&h;\&h;\&h;\&h;\&h;\&h;\&h;\&h;"> ]>\n<period|' "$BOOK/periods/2004-q1.xml"
sed -i '0,/<p>/s|<p>|<p>\&i;|' "$BOOK/periods/2004-q1.xml"
COMMAND=render
ARGS="--period 2004-q1 -o $output"
