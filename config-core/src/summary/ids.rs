//! Typed indices into a summary's slices, so a position index cannot be used where a
//! string index is meant. Plain `u32` newtypes with `const fn` accessors: the checker
//! reads them in const evaluation, and the derive emits them as `'static` data.

/// Index of a position in [`Summary::pos`](super::Summary::pos).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PositionId(pub u32);

impl PositionId {
    /// No position.
    pub const NONE: PositionId = PositionId(u32::MAX);

    /// The index into [`Summary::pos`](super::Summary::pos).
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    pub const fn is_none(self) -> bool {
        self.0 == u32::MAX
    }
}

/// Index of a string in [`Summary::strs`](super::Summary::strs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StrId(pub u32);

impl StrId {
    /// No string (a duplicate of a whole scalar element has no key, see
    /// [`Dup`](super::Dup)).
    pub const NONE: StrId = StrId(u32::MAX);

    /// The index into [`Summary::strs`](super::Summary::strs).
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    pub const fn is_none(self) -> bool {
        self.0 == u32::MAX
    }
}
