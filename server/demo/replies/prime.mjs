/**
 * The Demo's reply to "Is 1,000,003 a prime number?": trial division by the primes up to
 * √1,000,003 ≈ 1,000, with math and a table. Every number here was checked by running the
 * division (no prime up to 997 divides 1,000,003; 1,000,001 = 101 × 9,901).
 */

const REASONING = `I need to decide whether 1,000,003 is prime. If n = a × b with 1 < a ≤ b, then a² ≤ n, so a composite number always has a factor no larger than √n, and its smallest factor above 1 is itself prime. So it is enough to try the primes up to √1,000,003.

How far is that? 1000² = 1,000,000 and 1001² = 1,002,001. 1,000,003 lies between them, so √1,000,003 ≈ 1000.0015 and the largest candidate is 1000. The largest prime below 1000 is 997, and there are 168 primes up to 1000. At most 168 divisions, then.

The cheap ones first:
- 2: the last digit is 3, so the number is odd. Remainder 1.
- 3: the digit sum is 1 + 3 = 4, not a multiple of 3. Remainder 1.
- 5: it doesn't end in 0 or 5. Remainder 3.

For 7, 11 and 13 there is a neat shortcut. 1,000,003 = 999,999 + 4, and 999,999 = 999 × 1001. Now 999 = 27 × 37 and 1001 = 7 × 11 × 13, so 999,999 = 3³ × 7 × 11 × 13 × 37. Each of 7, 11, 13 and 37 divides 999,999, so each leaves remainder 4 on 1,000,003. Let me verify one directly: 7 × 142,857 = 999,999, so 1,000,003 = 7 × 142,857 + 4. Yes.

Next few by plain division:
- 17 × 58,823 = 999,991, remainder 12.
- 19 × 52,631 = 999,989, remainder 14.
- 23 × 43,478 = 999,994, remainder 9.
- 29 × 34,482 = 999,978, remainder 25.
- 31 × 32,258 = 999,998, remainder 5.

Another shortcut for 101: 100 ≡ −1 (mod 101), so 10⁶ = 100³ ≡ −1, and 10⁶ + 3 ≡ 2. Not divisible by 101.

Doing all 168 by hand is exactly the part a three-line program should do, but let me at least check the top end, since the largest candidates are the ones people forget: 997 × 1,003 = 997,000 + 2,991 = 999,991, remainder 12. And 991 × 1,009 = 999,919, remainder 84. Neither divides.

Going through the remaining primes between 37 and 991 the same way, none leaves remainder 0, so 1,000,003 is prime. That middle stretch is the part a reader should confirm with the program rather than take on trust, so I'll include it.

Sanity check from another angle: every prime above 3 has the form 6k ± 1, and 1,000,003 = 6 × 166,667 + 1. That is consistent, though it proves nothing on its own.

One more thing worth saying: 1,000,001 = 101 × 9,901 and 1,000,002 is even, so 1,000,003 is the first prime after one million. That is a nice fact to lead with.

For the answer: the verdict, why stopping at 1,000 is enough (with the inequality written out), a table of the divisions with the shortcuts, and a short program that repeats the check.`;

const ANSWER = `## Yes: 1,000,003 is prime

It is the **first prime after one million**: $1{,}000{,}001 = 101 \\times 9{,}901$ and $1{,}000{,}002$ is even.

### Why trying divisors up to 1,000 is enough

If $n = a \\cdot b$ with $1 < a \\le b$, then $a^2 \\le n$. So a composite $n$ always has a prime factor $p \\le \\sqrt{n}$. Here

$$
1000^2 = 1{,}000{,}000 \\;\\le\\; 1{,}000{,}003 \\;<\\; 1{,}002{,}001 = 1001^2,
$$

so $\\lfloor \\sqrt{1{,}000{,}003} \\rfloor = 1000$, and only the **168 primes** up to 997 need testing.

### The divisions

| Prime $p$ | $1{,}000{,}003 = p \\cdot q + r$ | Remainder $r$ | Shortcut |
|---:|---|---:|---|
| 2 | 2 × 500,001 + 1 | 1 | the last digit is odd |
| 3 | 3 × 333,334 + 1 | 1 | the digit sum is 4 |
| 5 | 5 × 200,000 + 3 | 3 | the last digit is 3 |
| 7 | 7 × 142,857 + 4 | 4 | $999{,}999 = 3^3 \\cdot 7 \\cdot 11 \\cdot 13 \\cdot 37$ |
| 11 | 11 × 90,909 + 4 | 4 | the same |
| 13 | 13 × 76,923 + 4 | 4 | the same |
| 17 | 17 × 58,823 + 12 | 12 | |
| … | … | … | 159 more primes, none divides |
| 991 | 991 × 1,009 + 84 | 84 | |
| 997 | 997 × 1,003 + 12 | 12 | the last candidate |

No remainder is $0$, so $1{,}000{,}003$ is prime.

### Check it yourself

\`\`\`python
from math import isqrt

n = 1_000_003
limit = isqrt(n)  # 1000, computed exactly, without floating point
divisors = [d for d in range(2, limit + 1) if n % d == 0]
print(limit, divisors)  # 1000 []
\`\`\`

This tries every $d$, not only primes: 999 divisions, still instant.

### Good to know

- Trial division takes $O(\\sqrt{n})$ steps. That is nothing for seven digits and hopeless for the 300-digit numbers of cryptography, where probabilistic tests such as **Miller–Rabin** are used.
- Every prime above 3 has the form $6k \\pm 1$; here $1{,}000{,}003 = 6 \\cdot 166{,}667 + 1$. The form is necessary, not sufficient: $25 = 6 \\cdot 4 + 1$.`;

/** @type {import('../pick-script.mjs').DemoScript} */
export const PRIME_SCRIPT = {
  id: 'prime',
  phrases: [['1000003']],
  reasoning: REASONING,
  answer: ANSWER,
};
