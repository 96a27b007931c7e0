# a Japanese revenue summary that drops the prior-quarter change and its
# direction ({3}, {4}) that the English uses: a translation that says less
sed -i 's|(前期比は{4, select, increase {{3}増} decrease {{3}減} from_zero {増加} below_zero {減少} other {横ばい}})。|。|' "$LOCALES/ja.xlf"
MARK='営業収益(売上高)は、前年同期比'
MARKFILE="$LOCALES/ja.xlf"
