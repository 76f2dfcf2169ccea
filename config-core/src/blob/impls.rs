//! [`FromBlob`] for the std and chrono types a config uses: booleans, every integer width,
//! floats, `String`, `Option`, `Box`, `Vec`, string-keyed `BTreeMap` / `HashMap`, and the
//! chrono datetime types. Structs and unit enums get theirs from `#[derive(Config)]`.

use super::error::BlobError;
use super::read::{Blob, FromBlob};
#[cfg(feature = "jiff")]
use crate::datetime::DtParts;
use crate::datetime::{self, DtKind};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

impl FromBlob for bool {
    #[inline]
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        blob.read_bool()
    }
}

/// `FromBlob` for integer types narrower than `i128`: the stored value, range-checked.
macro_rules! int_impls {
    ($($int:ty),*) => {$(
        impl FromBlob for $int {
            #[inline]
            fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
                let value = blob.read_int()?;
                <$int>::try_from(value)
                    .map_err(|_| BlobError::IntOutOfRange { value, target: stringify!($int) })
            }
        }
    )*};
}

int_impls!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, isize);

impl FromBlob for i128 {
    #[inline]
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        blob.read_int()
    }
}

impl FromBlob for f64 {
    #[inline]
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        blob.read_float()
    }
}

impl FromBlob for f32 {
    /// Rounds to the nearest `f32`, as serde does for `f64` input.
    #[inline]
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        blob.read_float().map(|v| v as f32)
    }
}

impl FromBlob for String {
    #[inline]
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        blob.read_text().map(str::to_owned)
    }
}

impl<T: FromBlob> FromBlob for Option<T> {
    #[inline]
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        T::read(blob).map(Some)
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromBlob> FromBlob for Box<T> {
    #[inline]
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        T::read(blob).map(Box::new)
    }

    fn missing() -> Option<Self> {
        T::missing().map(Box::new)
    }
}

impl<T: FromBlob> FromBlob for Vec<T> {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let count = blob.array_len()?;
        let mut items = Vec::with_capacity(blob.capacity_hint(count));
        for _ in 0..count {
            items.push(T::read(blob)?);
        }
        Ok(items)
    }
}

impl<T: FromBlob> FromBlob for BTreeMap<String, T> {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let count = blob.table_len()?;
        let mut map = BTreeMap::new();
        for _ in 0..count {
            let key = blob.key()?.to_owned();
            map.insert(key, T::read(blob)?);
        }
        Ok(map)
    }
}

impl<T: FromBlob, HashBuilder: BuildHasher + Default> FromBlob for HashMap<String, T, HashBuilder> {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let count = blob.table_len()?;
        let mut map = HashMap::with_capacity_and_hasher(blob.capacity_hint(count), HashBuilder::default());
        for _ in 0..count {
            let key = blob.key()?.to_owned();
            map.insert(key, T::read(blob)?);
        }
        Ok(map)
    }
}

impl FromBlob for DateTime<FixedOffset> {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let parts = blob.read_instant()?;
        datetime::to_offset(parts).ok_or(BlobError::BadDatetime("datetime with offset out of range"))
    }
}

impl FromBlob for DateTime<Utc> {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        DateTime::<FixedOffset>::read(blob).map(|d| d.to_utc())
    }
}

/// Whole seconds and nanoseconds since 1970 of a datetime with its offset.
#[cfg(feature = "jiff")]
fn timestamp_of(p: DtParts) -> Result<jiff::Timestamp, BlobError> {
    let secs = crate::zone::rules::wall_seconds(&p) - i64::from(p.offset_secs);
    let nanos = i32::try_from(p.nano).map_err(|_| BlobError::BadDatetime("nanoseconds out of range"))?;
    jiff::Timestamp::new(secs, nanos).map_err(|_| BlobError::BadDatetime("instant out of range"))
}

#[cfg(feature = "jiff")]
impl FromBlob for jiff::Timestamp {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        timestamp_of(blob.read_instant()?)
    }
}

/// In the zone in force, else in the zone its RFC 9557 bracket names (the build checked
/// that it has one); both from the bundled database.
#[cfg(feature = "jiff")]
impl FromBlob for jiff::ZonedDateTime {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let (parts, bracket) = blob.read_instant_named()?;
        let name = match (blob.zone(), bracket) {
            (Some(z), _) => z.name,
            (None, Some(b)) => b,
            (None, None) => return Err(BlobError::BadDatetime("a `ZonedDateTime` value without a zone")),
        };
        let zone = crate::zone::Zone::named(name).map_err(|_| BlobError::BadDatetime("unknown time zone"))?;
        Ok(timestamp_of(parts)?.to_zoned_datetime(zone.time_zone().clone()))
    }
}

impl FromBlob for NaiveDateTime {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let parts = blob.read_datetime(DtKind::Local)?;
        datetime::to_local(parts).ok_or(BlobError::BadDatetime("local datetime out of range"))
    }
}

impl FromBlob for NaiveDate {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let parts = blob.read_datetime(DtKind::Date)?;
        datetime::to_date(parts).ok_or(BlobError::BadDatetime("date out of range"))
    }
}

impl FromBlob for NaiveTime {
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError> {
        let parts = blob.read_datetime(DtKind::Time)?;
        datetime::to_time(parts).ok_or(BlobError::BadDatetime("time out of range"))
    }
}
