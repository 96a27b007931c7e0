# an English dollar wording that puts a digit before every amount: the
# figures inside the generated highlight sentences are read back one by
# one, and each sentence is an error at its template line
sed -i 's|<source>${0} million</source>|<source>$1{0} million</source>|' "$LOCALES/en.xlf"
