using Hltad.Io;
using Hltad.Matching;

namespace Hltad.Tests.Matching;

public sealed class EventArrayAssemblyTests
{
    [Fact]
    public void Assemble_ObjectsWithExtraSlots_FillsSectionThreeRows()
    {
        // Each object value encodes (kind, object, column) as kind·100 + object·10 + column; the arrays hold more
        // objects than are used (jets 10 → rows 0–5, others 6 → 3 rows each).
        ObjectArray Coded(int kind, int objects) => new(1, objects,
            Enumerable.Range(0, objects * 3).Select(i => kind * 100f + i / 3 * 10 + i % 3).ToArray());

        var arrays = EventArrayAssembly.Assemble(Coded(1, 10), Coded(2, 6), Coded(3, 6), Coded(4, 6), Coded(5, 1));

        var row = arrays.Event(0).ToArray();
        Assert.Equal([150f, 151, 152], row[15..18]);   // row 5: jet 5
        Assert.Equal([200f, 201, 202], row[18..21]);   // row 6: electron 0
        Assert.Equal([320f, 321, 322], row[33..36]);   // row 11: muon 2
        Assert.Equal([400f, 401, 402], row[36..39]);   // row 12: photon 0
        Assert.Equal([500f, 501, 502], row[45..48]);   // row 15: MET
    }
}
