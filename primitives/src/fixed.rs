//! Unsigned fixed-point numbers with nine decimal places: [`Fixed`] and [`Distance`].
//!
//! Both are a bare `u64` counting billionths (`1.0` is `1_000_000_000`), so they encode as a
//! plain `u64`, compare as integers and never involve a float inside the runtime. Floats only
//! appear at the edges, behind `std`: [`Fixed::to_f64`] and [`Distance::to_f64`] for the
//! learning engine, and [`Distance::from_f64`] for a verifier reporting a measured distance.
//!
//! ## Why not `sp_arithmetic::FixedU64`
//!
//! `FixedU64` (sp-arithmetic 29, the stable2609 version) has exactly this representation, but:
//! - its `from_rational` panics on a zero divisor or on overflow, where this crate needs
//!   `None` (the runtime must not panic, and a worker must not crash on a bad task);
//! - sp-arithmetic pulls `docify` (a proc-macro over `syn`), `num-traits`, `integer-sqrt` and
//!   `static_assertions` into every worker and tool that only wants to read a task;
//! - the operations Assay needs are a handful: construct, compare, parse, print, convert.
//!
//! Because the encodings are identical, a pallet that wants sp-arithmetic's operators converts
//! for free: `FixedU64::from_inner(x.into_parts())`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::{fmt, str::FromStr};
use scale_info::TypeInfo;

/// Number of decimal places of [`Fixed`] and [`Distance`].
pub const DECIMALS: u32 = 9;

/// The raw value of `1.0`: `10^DECIMALS`.
pub const ACCURACY: u64 = 1_000_000_000;

/// Why a decimal string could not be parsed into a [`Fixed`] or a [`Distance`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ParseFixedError {
	/// The string, or the part on one side of the decimal point, is empty.
	Empty,
	/// A character other than an ASCII digit or a single `.`.
	InvalidDigit,
	/// More than [`DECIMALS`] digits after the decimal point.
	TooManyDecimals,
	/// The value does not fit in a `u64` of billionths.
	Overflow,
}

impl fmt::Display for ParseFixedError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(match self {
			Self::Empty => "empty number",
			Self::InvalidDigit => "invalid character in a decimal number",
			Self::TooManyDecimals => "more than 9 decimal places",
			Self::Overflow => "number too large",
		})
	}
}

impl core::error::Error for ParseFixedError {}

/// Parses `int[.frac]` (ASCII digits, at most [`DECIMALS`] after the point) into billionths.
fn parse_parts(s: &str) -> Result<u64, ParseFixedError> {
	let (int, frac) = match s.split_once('.') {
		Some((int, frac)) => (int, Some(frac)),
		None => (s, None),
	};
	let digits = |part: &str| -> Result<u64, ParseFixedError> {
		if part.is_empty() {
			return Err(ParseFixedError::Empty);
		}
		part.bytes().try_fold(0u64, |acc, b| {
			if !b.is_ascii_digit() {
				return Err(ParseFixedError::InvalidDigit);
			}
			acc.checked_mul(10)
				.and_then(|acc| acc.checked_add(u64::from(b - b'0')))
				.ok_or(ParseFixedError::Overflow)
		})
	};
	let int = digits(int)?;
	let frac = match frac {
		None => 0,
		Some(frac) => {
			let len = u32::try_from(frac.len()).map_err(|_| ParseFixedError::TooManyDecimals)?;
			if len > DECIMALS {
				return Err(ParseFixedError::TooManyDecimals);
			}
			// At most nine digits, so neither the value nor the scale can overflow.
			digits(frac)?.saturating_mul(10u64.saturating_pow(DECIMALS - len))
		},
	};
	int.checked_mul(ACCURACY)
		.and_then(|int| int.checked_add(frac))
		.ok_or(ParseFixedError::Overflow)
}

/// Writes billionths as the shortest exact decimal (`1`, `0.5`, `0.000000001`).
fn write_parts(parts: u64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
	let int = parts / ACCURACY;
	let mut frac = parts % ACCURACY;
	if frac == 0 {
		return write!(f, "{int}");
	}
	let mut width = DECIMALS as usize;
	while frac.is_multiple_of(10) {
		frac /= 10;
		width -= 1;
	}
	write!(f, "{int}.{frac:0width$}")
}

macro_rules! fixed_point {
	($(#[$doc:meta])* $name:ident) => {
		$(#[$doc])*
		#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
		#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Debug)]
		#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
		pub struct $name(u64);

		impl $name {
			/// `0`.
			pub const ZERO: Self = Self(0);
			/// `1`.
			pub const ONE: Self = Self(ACCURACY);
			/// The largest value, `18446744073.709551615`.
			pub const MAX: Self = Self(u64::MAX);

			/// The number whose raw value is `parts` billionths (`from_parts(1)` is `1e-9`).
			pub const fn from_parts(parts: u64) -> Self {
				Self(parts)
			}

			/// The raw value, in billionths.
			pub const fn into_parts(self) -> u64 {
				self.0
			}

			/// The integer `n`, or `None` if `n × 10^9` does not fit.
			pub const fn from_integer(n: u64) -> Option<Self> {
				match n.checked_mul(ACCURACY) {
					Some(parts) => Some(Self(parts)),
					None => None,
				}
			}

			/// `n / d`, rounded down to the nearest billionth; `None` if `d` is zero or the
			/// result does not fit.
			pub const fn from_rational(n: u64, d: u64) -> Option<Self> {
				if d == 0 {
					return None;
				}
				// n × 10^9 < 2^94: cannot overflow a u128.
				let parts = (n as u128) * (ACCURACY as u128) / (d as u128);
				if parts > u64::MAX as u128 {
					None
				} else {
					Some(Self(parts as u64))
				}
			}

			/// Whether the value is `0`.
			pub const fn is_zero(self) -> bool {
				self.0 == 0
			}

			/// `self + other`, or `None` on overflow.
			pub const fn checked_add(self, other: Self) -> Option<Self> {
				match self.0.checked_add(other.0) {
					Some(parts) => Some(Self(parts)),
					None => None,
				}
			}

			/// `self - other`, or `None` if `other` is larger.
			pub const fn checked_sub(self, other: Self) -> Option<Self> {
				match self.0.checked_sub(other.0) {
					Some(parts) => Some(Self(parts)),
					None => None,
				}
			}

			/// The nearest `f64` (off-chain only).
			#[cfg(feature = "std")]
			pub fn to_f64(self) -> f64 {
				self.0 as f64 / ACCURACY as f64
			}
		}

		impl FromStr for $name {
			type Err = ParseFixedError;

			/// Parses a decimal such as `0.001`, `3` or `0.000000010` exactly, without floats.
			fn from_str(s: &str) -> Result<Self, Self::Err> {
				parse_parts(s).map(Self)
			}
		}

		impl fmt::Display for $name {
			fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
				write_parts(self.0, f)
			}
		}
	};
}

fixed_point! {
	/// An unsigned fixed-point number with nine decimal places: a learning rate, a momentum,
	/// an Adam constant.
	///
	/// The smallest step is `1e-9` (Adam's usual `epsilon = 1e-8` is `Fixed::from_parts(10)`);
	/// the largest value is about `1.8e10`.
	///
	/// ```
	/// use assay_primitives::Fixed;
	/// let lr: Fixed = "0.001".parse().unwrap();
	/// assert_eq!(lr, Fixed::from_parts(1_000_000));
	/// assert_eq!(Fixed::from_rational(1, 1000), Some(lr));
	/// assert_eq!(lr.to_string(), "0.001");
	/// ```
	Fixed
}

fixed_point! {
	/// A distance between two checkpoints (L2, L∞ or cosine, see
	/// [`DistanceMetric`](crate::DistanceMetric)), as an unsigned fixed-point number with nine
	/// decimal places.
	///
	/// `Distance` is `Ord`, so the runtime decides a `Tolerance` verdict with an integer
	/// comparison: `reported <= threshold`.
	Distance
}

impl Distance {
	/// The distance `x`, rounded **up** to the next billionth, so that rounding can never turn
	/// a distance above a threshold into one at or below it.
	///
	/// `None` for NaN, infinities, negative numbers and values of `2^64 × 1e-9` or more.
	/// `-0.0` is `Some(ZERO)`.
	#[cfg(feature = "std")]
	pub fn from_f64(x: f64) -> Option<Self> {
		if !x.is_finite() || x < 0.0 {
			return None;
		}
		let parts = (x * ACCURACY as f64).ceil();
		// `u64::MAX as f64` is exactly 2^64, the first value that does not fit.
		if parts >= u64::MAX as f64 {
			return None;
		}
		Some(Self(parts as u64))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::string::ToString;

	#[test]
	fn constructors() {
		assert_eq!(Fixed::ONE.into_parts(), ACCURACY);
		assert_eq!(Fixed::from_integer(3), Some(Fixed::from_parts(3 * ACCURACY)));
		assert_eq!(Fixed::from_integer(u64::MAX), None);
		assert_eq!(Fixed::from_rational(1, 3), Some(Fixed::from_parts(333_333_333)));
		assert_eq!(Fixed::from_rational(2, 3), Some(Fixed::from_parts(666_666_666)));
		assert_eq!(Fixed::from_rational(1, 0), None);
		assert_eq!(Fixed::from_rational(u64::MAX, 1), None);
		assert_eq!(Fixed::from_rational(u64::MAX, ACCURACY), Some(Fixed::MAX));
		assert!(Fixed::ZERO.is_zero());
		assert_eq!(Fixed::ONE.checked_add(Fixed::ONE), Fixed::from_integer(2));
		assert_eq!(Fixed::MAX.checked_add(Fixed::from_parts(1)), None);
		assert_eq!(Fixed::ZERO.checked_sub(Fixed::from_parts(1)), None);
	}

	#[test]
	fn parse_and_display() {
		let cases = [
			("0", 0),
			("1", ACCURACY),
			("0.5", 500_000_000),
			("0.001", 1_000_000),
			("0.000000001", 1),
			("0.000000010", 10),
			("12.25", 12_250_000_000),
			("18446744073.709551615", u64::MAX),
		];
		for (s, parts) in cases {
			assert_eq!(s.parse::<Fixed>(), Ok(Fixed::from_parts(parts)), "{s}");
		}
		assert_eq!(Fixed::from_parts(10).to_string(), "0.00000001");
		assert_eq!(Fixed::from_parts(12_250_000_000).to_string(), "12.25");
		assert_eq!(Fixed::ONE.to_string(), "1");
		assert_eq!(Fixed::MAX.to_string(), "18446744073.709551615");
		assert_eq!(Distance::from_parts(1).to_string(), "0.000000001");

		assert_eq!("".parse::<Fixed>(), Err(ParseFixedError::Empty));
		assert_eq!(".5".parse::<Fixed>(), Err(ParseFixedError::Empty));
		assert_eq!("1.".parse::<Fixed>(), Err(ParseFixedError::Empty));
		assert_eq!("-1".parse::<Fixed>(), Err(ParseFixedError::InvalidDigit));
		assert_eq!("1.2.3".parse::<Fixed>(), Err(ParseFixedError::InvalidDigit));
		assert_eq!("1e-3".parse::<Fixed>(), Err(ParseFixedError::InvalidDigit));
		assert_eq!("0.0000000001".parse::<Fixed>(), Err(ParseFixedError::TooManyDecimals));
		assert_eq!("18446744073.709551616".parse::<Fixed>(), Err(ParseFixedError::Overflow));
		assert_eq!("99999999999999999999999".parse::<Fixed>(), Err(ParseFixedError::Overflow));
	}

	#[cfg(feature = "std")]
	#[test]
	fn floats() {
		assert_eq!(Fixed::from_parts(1_500_000_000).to_f64(), 1.5);
		assert_eq!(Distance::from_f64(0.0), Some(Distance::ZERO));
		assert_eq!(Distance::from_f64(-0.0), Some(Distance::ZERO));
		assert_eq!(Distance::from_f64(1.5), Some(Distance::from_parts(1_500_000_000)));
		// Rounded up: a hair above a billionth is two billionths.
		assert_eq!(Distance::from_f64(1.0000001e-9), Some(Distance::from_parts(2)));
		assert_eq!(Distance::from_f64(f64::NAN), None);
		assert_eq!(Distance::from_f64(f64::INFINITY), None);
		assert_eq!(Distance::from_f64(f64::NEG_INFINITY), None);
		assert_eq!(Distance::from_f64(-1e-12), None);
		assert_eq!(Distance::from_f64(1.9e10), None);
		assert!(Distance::from_f64(1.8e10).is_some());
	}

	#[test]
	fn ordering() {
		assert!(Distance::ZERO < Distance::from_parts(1));
		assert!(Distance::from_parts(2) > Distance::from_parts(1));
		assert_eq!(Distance::from_parts(7).max(Distance::from_parts(3)), Distance::from_parts(7));
	}
}
