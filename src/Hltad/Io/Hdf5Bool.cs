namespace Hltad.Io;

/// <summary>
/// The 8-bit enumeration h5py uses for numpy bool. PureHDF writes a C# enum as an HDF5 enum type with the
/// member names and values below; h5py recognises exactly this type (names FALSE/TRUE, values 0/1) as bool.
/// </summary>
internal enum Hdf5Bool : byte
{
    FALSE = 0,
    TRUE = 1,
}
