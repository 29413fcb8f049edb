namespace Hltad.Io;

/// <summary>The element type of an HDF5 dataset as stored in the file.</summary>
public enum Hdf5ElementType
{
    /// <summary>A type this library does not convert (strings, compounds, references, …).</summary>
    Other,

    /// <summary>An 8-bit enumeration FALSE = 0, TRUE = 1: how h5py stores numpy bool.</summary>
    Bool,
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Float64,
}
