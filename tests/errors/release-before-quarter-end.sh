# a release dated before its quarter ends (its datelines with it): a
# warning at <release>, naming the quarter's last day
sed -i 's|date="2004-08-10"|date="2004-06-28"|g; s|date="2004-08-09"|date="2004-06-27"|' "$BOOK/periods/2004-q1.xml"
