# a relative period that is not one (nq is not allowed here)
sed -i 's|<adjust table="ebitda" row="minority" column="value" period="py"|<adjust table="ebitda" row="minority" column="value" period="nq"|' "$BOOK/periods/2004-q1.xml"
