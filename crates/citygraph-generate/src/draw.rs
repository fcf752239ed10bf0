//! Random draws with every sampling rule written out, so that a seed means the same numbers on
//! every machine and with every version of the dependencies.
//!
//! The bits come from ChaCha8 (`rand_chacha`), whose output for a given key is specified and
//! value-stable. Nothing here goes through `rand`'s distributions (whose algorithms may change
//! between releases): uniform integers use Lemire's multiply-and-reject, uniform floats the top 53
//! bits, and the continuous laws are inverse transforms or Box-Muller over `libm`, a software
//! implementation of `log`, `exp`, `pow` and `cos` that gives the same bits on every platform
//! (the platform's own libm may differ in the last place, and a last place can flip a rounded
//! coordinate or a year). Additions, products, quotients and square roots are IEEE 754 exact
//! roundings, so they are portable by themselves.

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// One independent stream per part of the model: changing the number of networks does not move
/// the cities or the links, and changing the number of links does not move the cities.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Stream {
    Countries = 1,
    Cities = 2,
    Propensity = 3,
    Links = 4,
    LinkHistory = 5,
    Networks = 6,
    MembershipHistory = 7,
}

/// A seeded source of draws.
pub(crate) struct Draw(ChaCha8Rng);

const TWO_PI: f64 = 2.0 * std::f64::consts::PI;

impl Draw {
    /// The key is the seed (little endian), a fixed tag and the stream number.
    pub(crate) fn new(seed: u64, stream: Stream) -> Draw {
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        key[8..16].copy_from_slice(b"citygrph");
        key[16..24].copy_from_slice(&(stream as u64).to_le_bytes());
        Draw(ChaCha8Rng::from_seed(key))
    }

    pub(crate) fn bits(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform on [0, 1): the top 53 bits of one draw.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.bits() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform on (0, 1].
    pub(crate) fn unit_open_low(&mut self) -> f64 {
        1.0 - self.unit()
    }

    /// Uniform integer in `0..n` (`n > 0`), without bias: Lemire's multiply-and-reject.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "below(0)");
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.bits()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// Uniform integer in `lo..hi` (`lo < hi`).
    pub(crate) fn between(&mut self, lo: i32, hi: i32) -> i32 {
        assert!(lo < hi, "between({lo}, {hi})");
        lo + self.below((hi - lo) as u64) as i32
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Standard normal: Box-Muller, one value per pair of uniforms.
    pub(crate) fn normal(&mut self) -> f64 {
        let r = libm::sqrt(-2.0 * libm::log(self.unit_open_low()));
        r * libm::cos(TWO_PI * self.unit())
    }

    /// Pareto II (Lomax) with shape `a` and scale 1, numpy's `pareto`: `U^(-1/a) - 1`.
    pub(crate) fn pareto(&mut self, a: f64) -> f64 {
        libm::pow(self.unit_open_low(), -1.0 / a) - 1.0
    }

    /// Geometric on 1, 2, ...: the number of trials up to the first success of probability `p`.
    pub(crate) fn geometric(&mut self, p: f64) -> u32 {
        let k = libm::floor(libm::log(self.unit_open_low()) / libm::log1p(-p));
        (k.min(f64::from(u32::MAX - 1)) as u32) + 1
    }

    /// Log-normal: `exp(mu + sigma * N(0, 1))`.
    pub(crate) fn lognormal(&mut self, mu: f64, sigma: f64) -> f64 {
        libm::exp(mu + sigma * self.normal())
    }

    /// Fisher-Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }

    /// Moves a uniform random `k`-subset of `v`, in random order, to its front (a partial
    /// Fisher-Yates shuffle).
    pub(crate) fn choose_front<T>(&mut self, v: &mut [T], k: usize) {
        let n = v.len();
        for i in 0..k.min(n) {
            let j = i + self.below((n - i) as u64) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_draws_and_streams_differ() {
        let a: Vec<u64> = (0..8)
            .map({
                let mut d = Draw::new(7, Stream::Links);
                move |_| d.bits()
            })
            .collect();
        let b: Vec<u64> = (0..8)
            .map({
                let mut d = Draw::new(7, Stream::Links);
                move |_| d.bits()
            })
            .collect();
        assert_eq!(a, b);
        let mut other = Draw::new(7, Stream::Cities);
        assert_ne!(a[0], other.bits());
        let mut seed = Draw::new(8, Stream::Links);
        assert_ne!(a[0], seed.bits());
    }

    #[test]
    fn chacha8_output_is_the_specified_stream() {
        // The first words of ChaCha8 for this key, as rand_chacha 0.9 produces them. If this
        // changes, every generated dataset changes: bump MODEL_VERSION.
        let mut d = Draw::new(20240601, Stream::Countries);
        let first: Vec<u64> = (0..3).map(|_| d.bits()).collect();
        let mut again = Draw::new(20240601, Stream::Countries);
        assert_eq!(first, (0..3).map(|_| again.bits()).collect::<Vec<_>>());
        assert_eq!(first, FIRST_WORDS);
    }

    const FIRST_WORDS: [u64; 3] = [
        9062686193860052387,
        16992624390353176480,
        9655184389049369511,
    ];

    #[test]
    fn below_stays_in_range_and_reaches_every_value() {
        let mut d = Draw::new(1, Stream::Links);
        let mut seen = [0u32; 7];
        for _ in 0..7000 {
            let x = d.below(7);
            seen[x as usize] += 1;
        }
        assert!(seen.iter().all(|&c| (800..1200).contains(&c)), "{seen:?}");
        assert_eq!(d.below(1), 0);
        for _ in 0..1000 {
            let x = d.between(1950, 1980);
            assert!((1950..1980).contains(&x));
        }
    }

    #[test]
    fn continuous_laws_have_their_moments() {
        let mut d = Draw::new(3, Stream::Cities);
        let n = 200_000;
        let (mut s, mut s2) = (0.0, 0.0);
        for _ in 0..n {
            let x = d.normal();
            s += x;
            s2 += x * x;
        }
        let mean = s / n as f64;
        let var = s2 / n as f64 - mean * mean;
        assert!(
            mean.abs() < 0.01 && (var - 1.0).abs() < 0.02,
            "{mean} {var}"
        );
        // Geometric(1/15) has mean 15.
        let g: f64 = (0..n)
            .map(|_| f64::from(d.geometric(1.0 / 15.0)))
            .sum::<f64>()
            / n as f64;
        assert!((g - 15.0).abs() < 0.2, "{g}");
        assert!((0..1000).all(|_| d.geometric(0.5) >= 1));
        // Lomax(3) has mean 1 / (3 - 1).
        let p: f64 = (0..n).map(|_| d.pareto(3.0)).sum::<f64>() / n as f64;
        assert!((p - 0.5).abs() < 0.02, "{p}");
        let u: f64 = (0..n).map(|_| d.unit()).sum::<f64>() / n as f64;
        assert!((u - 0.5).abs() < 0.005, "{u}");
    }

    #[test]
    fn shuffles_are_permutations() {
        let mut d = Draw::new(5, Stream::Networks);
        let mut v: Vec<u32> = (0..100).collect();
        d.shuffle(&mut v);
        assert_ne!(v, (0..100).collect::<Vec<_>>());
        let mut s = v.clone();
        s.sort_unstable();
        assert_eq!(s, (0..100).collect::<Vec<_>>());
        d.choose_front(&mut v, 10);
        s = v.clone();
        s.sort_unstable();
        assert_eq!(s, (0..100).collect::<Vec<_>>());
    }
}
