using Hltad.Io;
using Hltad.World;

namespace Hltad.Tests.World;

/// <summary>Layout and determinism of the synthetic world.</summary>
public sealed class WorldGeneratorTests
{
    [Fact]
    public void Generate_SameSeedAnyThreadCount_ByteIdenticalFiles()
    {
        using var one = new TemporaryDirectory();
        using var two = new TemporaryDirectory();

        WorldGenerator.Generate(TinyWorld.Options(one.Path) with { Parallelism = 1 });
        WorldGenerator.Generate(TinyWorld.Options(two.Path) with { Parallelism = 3 });

        Assert.Equal(one.Files(), two.Files());
        Assert.All(one.Files(), file => Assert.True(
            File.ReadAllBytes(one.File(file)).AsSpan().SequenceEqual(File.ReadAllBytes(two.File(file))), file));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Synthesizer_ReusedBuffers_SameRowsAsFreshOnes(bool enhancedBias)
    {
        // Buffers of a written file are reused without zeroing: every value must come out as in fresh memory.
        // The earlier file is filled by another run or by the busiest process, so that many slots need zeroing.
        const int events = 3000;
        var synthesizer = new EventSynthesizer();
        var fresh = new NtupleBuffers(events, enhancedBias);
        var reused = new NtupleBuffers(events, enhancedBias);
        if (enhancedBias)
        {
            synthesizer.EnhancedBias(reused, 2, 0, events, new WorldRandom(5, 1));
            synthesizer.EnhancedBias(reused, 0, 0, events, new WorldRandom(5, 2));
            synthesizer.EnhancedBias(fresh, 0, 0, events, new WorldRandom(5, 2));
        }
        else
        {
            synthesizer.Mc(reused, McProcess.ZZ4lep, 0, events, new WorldRandom(5, 1));
            synthesizer.Mc(reused, McProcess.JjJZ1, 0, events, new WorldRandom(5, 2));
            synthesizer.Mc(fresh, McProcess.JjJZ1, 0, events, new WorldRandom(5, 2));
        }

        var expected = fresh.ToDatasets().Datasets;
        var actual = reused.ToDatasets().Datasets;
        Assert.Equal(expected.Select(entry => entry.Name), actual.Select(entry => entry.Name));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(Bytes(expected[i].Values).SequenceEqual(Bytes(actual[i].Values)), expected[i].Name);
        }

        static byte[] Bytes(Array values)
        {
            var bytes = new byte[Buffer.ByteLength(values)];
            Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
            return bytes;
        }
    }

    [Fact]
    public void Generate_OtherSeed_OtherEvents()
    {
        using var other = new TemporaryDirectory();

        WorldGenerator.Generate(TinyWorld.Options(other.Path) with { Seed = 12 });

        string file = Path.Combine("EB", "EB_473255_ntuples.h5");
        byte[] reference = File.ReadAllBytes(Path.Combine(TinyWorld.Root, file));
        Assert.False(File.ReadAllBytes(other.File(file)).AsSpan().SequenceEqual(reference));
    }

    [Fact]
    public void Generate_TinyWorld_WritesTheSectionOneFiles()
    {
        string[] expected =
        [
            "EB/EB_473255_ntuples.h5", "EB/EB_475341_ntuples.h5", "EB/EB_476083_ntuples.h5", "L1AD_training_events.h5",
            "MC/A14N23LO_ntuples.h5", "MC/HAHMggfZdZd2l2nu_ntuples.h5", "MC/HHbbttHadHad_ntuples.h5",
            "MC/ZZ4lep_ntuples.h5", "MC/Zprime2EJs_ntuples.h5", "MC/jjJZ1_ntuples.h5", "MC/jjJZ2_ntuples.h5",
            "MC/jjJZ4_ntuples.h5", "MC/qqa_ntuples.h5",
        ];

        var files = Directory.GetFiles(TinyWorld.Root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TinyWorld.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, files);
    }

    [Theory]
    [InlineData("EB/EB_473255_ntuples.h5", true)]
    [InlineData("MC/ZZ4lep_ntuples.h5", false)]
    public void Generate_TinyWorld_DatasetsHaveSectionOneShapesAndTypes(string file, bool enhancedBias)
    {
        using var reader = Hdf5Reader.Open(Path.Combine(TinyWorld.Root, file));
        long n = enhancedBias ? TinyWorld.EventsPerRun : TinyWorld.McEvents;
        long c = enhancedBias ? 3 : 4;
        var expected = new Dictionary<string, (long[] Shape, Hdf5ElementType Type)>
        {
            ["HLT_jets"] = ([n, 10, 4], Hdf5ElementType.Float32),
            ["ofl_jets"] = ([n, 10, 4], Hdf5ElementType.Float32),
            ["L1_jFexSR_jets"] = ([n, 10, 3], Hdf5ElementType.Float32),
            ["L1_jFexLR_jets"] = ([n, 10, 3], Hdf5ElementType.Float32),
            ["L1_egammas"] = ([n, 6, 3], Hdf5ElementType.Float32),
            ["L1_muons"] = ([n, 6, 3], Hdf5ElementType.Float32),
            ["L1_eFex_taus"] = ([n, 6, 3], Hdf5ElementType.Float32),
            ["L1_jFex_taus"] = ([n, 6, 3], Hdf5ElementType.Float32),
            ["HLT_MET"] = ([n, c], Hdf5ElementType.Float32),
            ["L1_MET"] = ([n, 3], Hdf5ElementType.Float32),
            ["pass_L1_unprescaled"] = ([n], Hdf5ElementType.Int64),
            ["pass_HLT_unprescaled"] = ([n], Hdf5ElementType.Int64),
            ["mu"] = ([n], Hdf5ElementType.Float32),
        };
        foreach (string name in new[] { "HLT_electrons", "HLT_muons", "HLT_photons", "LRT_electrons", "LRT_muons",
                     "ofl_electrons", "ofl_muons", "ofl_photons" })
        {
            expected[name] = ([n, 6, c], Hdf5ElementType.Float32);
        }

        if (enhancedBias)
        {
            expected["EB_weights"] = ([n], Hdf5ElementType.Float64);
            expected["run_number"] = ([n], Hdf5ElementType.Int64);
            expected["event_number"] = ([n], Hdf5ElementType.Int64);
            expected["lumiblock_bads"] = ([n], Hdf5ElementType.Bool);
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), reader.DatasetNames());
        foreach (var (name, (shape, type)) in expected)
        {
            Assert.Equal(shape, reader.Shape(name));
            Assert.Equal(type, reader.ElementType(name));
        }
    }

    [Fact]
    public void Generate_NegativeEventCount_IsAConfigurationError()
    {
        using var directory = new TemporaryDirectory();

        var error = Assert.Throws<ConfigurationException>(() =>
            WorldGenerator.Generate(new WorldOptions(directory.Path) { EventsPerRun = -1 }));

        Assert.Equal("events-per-run", error.Key);
        Assert.Empty(directory.Files());
    }

    [Fact]
    public void Generate_OutIsAFile_SaysSoBeforeWriting()
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("world");
        File.WriteAllText(file, "a file");

        var error = Assert.Throws<OutputFileException>(() => WorldGenerator.Generate(TinyWorld.Options(file)));

        Assert.Equal($"{file}: cannot be written: it is a file, not a folder", error.Message);
        Assert.Equal(["world"], directory.Files());
    }

    [Fact]
    public void Generate_FolderWhereAnOutputGoes_RefusedBeforeTheWork()
    {
        using var directory = new TemporaryDirectory();
        string blocking = Path.Combine(directory.Path, "EB", "EB_475341_ntuples.h5");
        Directory.CreateDirectory(blocking);
        var progress = new List<WorldProgress>();

        var error = Assert.Throws<OutputFileException>(() => WorldGenerator.Generate(
            TinyWorld.Options(directory.Path), new SynchronousProgress<WorldProgress>(progress.Add)));

        Assert.Equal($"{blocking}: cannot be written: a folder of that name is in the way", error.Message);
        Assert.Empty(progress);
        Assert.Empty(directory.Files());
    }
}
