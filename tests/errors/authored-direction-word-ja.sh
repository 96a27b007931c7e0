# an authored Japanese sentence that says dedicated access revenues rose
# (増加, after the figure, where Japanese puts its verb) when they fell
# against both 1Q03 and 4Q03: a warning, and check still exits 0
sed -i 's|本資料は日本の方々の便宜性のために作成した簡易版です。|本資料は日本の方々の便宜性のために作成した簡易版です。専用線接続サービスの売上高は<fact value="is.rev.dedicated" format="amount-text"/>に増加しました。|' "$BOOK/periods/2004-q1.xml"
