# a Japanese sentence that types this quarter's revenues (8,675 million):
# right today, stale after a restatement; a warning naming the fact, and
# check still exits 0. "2004年" and "1,234社" are no facts.
sed -i 's|本資料は日本の方々の便宜性のために作成した簡易版です。|本資料は日本の方々の便宜性のために作成した簡易版です。2004年の営業収益は8,675百万円、顧客は1,234社でした。|' "$BOOK/periods/2004-q1.xml"
