/* Exact rational arithmetic with 128-bit intermediates. */
#include "rational.h"

#include <stdio.h>
#include <string.h>

typedef __int128 wide;

static const int64_t pow10_table[] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};

static wide
wide_abs(wide x)
{
	return x < 0 ? -x : x;
}

static wide
wide_gcd(wide a, wide b)
{
	a = wide_abs(a);
	b = wide_abs(b);
	while (b != 0) {
		wide t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Reduces num/den and narrows it to 64 bits. */
static enum rat_status
make(wide num, wide den, struct rat *out)
{
	wide g;

	if (den == 0)
		return RAT_DIV_ZERO;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	g = wide_gcd(num, den);
	if (g > 1) {
		num /= g;
		den /= g;
	}
	if (num > INT64_MAX || num < -INT64_MAX || den > INT64_MAX)
		return RAT_OVERFLOW;
	out->num = (int64_t)num;
	out->den = (int64_t)den;
	return RAT_OK;
}

enum rat_status
rat_parse(const char *text, struct rat *out, int *decimals)
{
	const char *p = text;
	int negative = 0, digits = 0, frac = 0, seen_point = 0;
	int64_t num = 0;

	if (*p == '-') {
		negative = 1;
		p++;
	}
	if (*p < '0' || *p > '9')
		return RAT_SYNTAX;
	for (; *p != '\0'; p++) {
		if (*p == '.' && !seen_point) {
			seen_point = 1;
			if (p[1] < '0' || p[1] > '9')
				return RAT_SYNTAX;
			continue;
		}
		if (*p < '0' || *p > '9')
			return RAT_SYNTAX;
		/* Leading zeros do not count towards the limit. */
		if (num != 0 || *p != '0' || seen_point)
			digits++;
		if (digits > RAT_MAX_DIGITS)
			return RAT_OVERFLOW;
		num = num * 10 + (*p - '0');
		if (seen_point)
			frac++;
	}
	if (frac > RAT_MAX_DIGITS)
		return RAT_OVERFLOW;
	if (decimals != NULL)
		*decimals = frac;
	return make(negative ? -(wide)num : (wide)num, pow10_table[frac], out);
}

enum rat_status
rat_add(struct rat a, struct rat b, struct rat *out)
{
	return make((wide)a.num * b.den + (wide)b.num * a.den,
	    (wide)a.den * b.den, out);
}

enum rat_status
rat_sub(struct rat a, struct rat b, struct rat *out)
{
	return rat_add(a, rat_neg(b), out);
}

enum rat_status
rat_mul(struct rat a, struct rat b, struct rat *out)
{
	return make((wide)a.num * b.num, (wide)a.den * b.den, out);
}

enum rat_status
rat_div(struct rat a, struct rat b, struct rat *out)
{
	if (b.num == 0)
		return RAT_DIV_ZERO;
	return make((wide)a.num * b.den, (wide)a.den * b.num, out);
}

enum rat_status
rat_scale10(struct rat a, int power, struct rat *out)
{
	int n = power < 0 ? -power : power;

	if (n > RAT_MAX_DIGITS)
		return RAT_OVERFLOW;
	if (power >= 0)
		return make((wide)a.num * pow10_table[n], a.den, out);
	return make(a.num, (wide)a.den * pow10_table[n], out);
}

struct rat
rat_neg(struct rat a)
{
	a.num = -a.num;
	return a;
}

struct rat
rat_abs(struct rat a)
{
	if (a.num < 0)
		a.num = -a.num;
	return a;
}

int
rat_cmp(struct rat a, struct rat b)
{
	wide l = (wide)a.num * b.den, r = (wide)b.num * a.den;

	return (l > r) - (l < r);
}

int
rat_sign(struct rat a)
{
	return (a.num > 0) - (a.num < 0);
}

int
rat_is_zero(struct rat a)
{
	return a.num == 0;
}

enum rat_status
rat_round(struct rat a, int places, enum round_mode mode, int64_t *scaled)
{
	wide num, q, r;

	if (places < 0 || places > 9)
		return RAT_OVERFLOW;
	num = wide_abs((wide)a.num) * pow10_table[places];
	q = num / a.den;
	r = num % a.den;
	/* Half up means half away from zero: compare 2r with den. */
	if (mode == ROUND_HALF_UP && 2 * r >= a.den)
		q++;
	if (q > INT64_MAX)
		return RAT_OVERFLOW;
	*scaled = a.num < 0 ? -(int64_t)q : (int64_t)q;
	return RAT_OK;
}

enum rat_status
rat_to_decimal(struct rat a, int places, enum round_mode mode, char *buf,
    size_t size)
{
	int64_t scaled, whole, frac;
	uint64_t mag;
	enum rat_status st;
	int n;

	if ((st = rat_round(a, places, mode, &scaled)) != RAT_OK)
		return st;
	mag = scaled < 0 ? (uint64_t)0 - (uint64_t)scaled : (uint64_t)scaled;
	whole = (int64_t)(mag / (uint64_t)pow10_table[places]);
	frac = (int64_t)(mag % (uint64_t)pow10_table[places]);
	if (places == 0)
		n = snprintf(buf, size, "%s%lld", scaled < 0 ? "-" : "",
		    (long long)whole);
	else
		n = snprintf(buf, size, "%s%lld.%0*lld", scaled < 0 ? "-" : "",
		    (long long)whole, places, (long long)frac);
	return n < 0 || (size_t)n >= size ? RAT_OVERFLOW : RAT_OK;
}

enum rat_status
rat_to_exact_decimal(struct rat a, char *buf, size_t size)
{
	/* Long division: the whole part, then up to 12 digits of fraction,
	 * rounded half up on the 13th; trailing zeros dropped. */
	char digits[16] = { 0 };
	uint64_t whole, rem, den = (uint64_t)a.den;
	int n, places = 0;

	whole = (uint64_t)(a.num < 0 ? -(wide)a.num : (wide)a.num) / den;
	rem = (uint64_t)(a.num < 0 ? -(wide)a.num : (wide)a.num) % den;
	while (rem != 0 && places < 13) {
		wide r = (wide)rem * 10;
		digits[places++] = (char)('0' + (int)(r / den));
		rem = (uint64_t)(r % den);
	}
	if (places == 13) {
		/* Round the 12th digit on the 13th, carrying leftwards. */
		int carry = digits[12] >= '5', i;

		places = 12;
		for (i = 11; i >= 0 && carry; i--) {
			if (digits[i] == '9')
				digits[i] = '0';
			else {
				digits[i]++;
				carry = 0;
			}
		}
		whole += (uint64_t)carry;
	}
	while (places > 0 && digits[places - 1] == '0')
		places--;
	n = snprintf(buf, size, "%s%llu%s%.*s",
	    a.num < 0 && (whole != 0 || places > 0) ? "-" : "",
	    (unsigned long long)whole, places > 0 ? "." : "", places, digits);
	return n < 0 || (size_t)n >= size ? RAT_OVERFLOW : RAT_OK;
}
