using Hltad.Io;
using Hltad.Matching;
using Hltad.Tests.World;

namespace Hltad.Tests.Matching;

/// <summary>
/// Each bad input of the match step gives an <see cref="InputDataException"/> naming the file (and dataset), and
/// leaves no <c>&lt;tag&gt;.h5</c> and no temporary file in the output folder. Inputs are a copy of the tiny world
/// with one thing broken; the model is our own l1ad_linear3.onnx.
/// </summary>
public sealed class MatcherBadInputTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public MatcherBadInputTests()
    {
        TinyWorld.CopyTo(_directory.Path);
    }

    private string EbFile => _directory.File("EB", "EB_476083_ntuples.h5");

    private string Output => _directory.File("out");

    [Fact]
    public void Run_MissingDataset_NamesFileAndDataset()
    {
        Rewrite(EbFile, contents => Without(contents, "L1_muons"));

        var error = RunExpectingFailure();

        Assert.Equal($"{EbFile}: dataset 'L1_muons': dataset is missing", error.Message);
    }

    [Fact]
    public void Run_ObjectArrayWithFiveColumns_SaysColumnCount()
    {
        Rewrite(EbFile, contents => Replace(contents, "HLT_jets", new float[TinyWorld.EventsPerRun * 10 * 5],
            TinyWorld.EventsPerRun, 10, 5));

        var error = RunExpectingFailure();

        Assert.Equal($"{EbFile}: dataset 'HLT_jets': has 5 columns per object, expected 3 or 4", error.Message);
    }

    [Fact]
    public void Run_MetOfWrongRank_SaysShape()
    {
        Rewrite(EbFile, contents => Replace(contents, "L1_MET", new float[TinyWorld.EventsPerRun * 3],
            TinyWorld.EventsPerRun, 1, 3));

        var error = RunExpectingFailure();

        Assert.Equal($"{EbFile}: dataset 'L1_MET': has shape ({TinyWorld.EventsPerRun}, 1, 3), expected (N, 3 or 4)",
            error.Message);
    }

    [Fact]
    public void Run_WeightsShorterThanObjects_NamesBothLengths()
    {
        Rewrite(EbFile, contents => Replace(contents, "EB_weights", new double[TinyWorld.EventsPerRun - 1]));

        var error = RunExpectingFailure();

        Assert.Equal(
            $"{EbFile}: dataset 'EB_weights': has {TinyWorld.EventsPerRun - 1} events "
            + $"but 'HLT_jets' has {TinyWorld.EventsPerRun}",
            error.Message);
    }

    [Fact]
    public void Run_TruncatedFile_SaysTruncated()
    {
        byte[] bytes = File.ReadAllBytes(EbFile);
        File.WriteAllBytes(EbFile, bytes[..(bytes.Length / 3)]);

        var error = RunExpectingFailure();

        Assert.StartsWith($"{EbFile}: ", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Run_TextFileNamedH5_SaysNotHdf5()
    {
        string path = _directory.File("MC", "notes_ntuples.h5");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("this is a text file. ", 30)));

        var error = RunExpectingFailure();

        Assert.Equal($"{path}: not an HDF5 file", error.Message);
    }

    [Fact]
    public void Run_MissingEbDirectory_SaysDirectoryNotFound()
    {
        Directory.Delete(_directory.File("EB"), recursive: true);

        var error = RunExpectingFailure();

        Assert.Equal($"{_directory.File("EB")}: EB directory not found", error.Message);
    }

    [Fact]
    public void Run_MissingTrainingFile_SaysFileNotFound()
    {
        string path = _directory.File("L1AD_training_events.h5");
        File.Delete(path);

        var error = RunExpectingFailure();

        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public void Run_MissingModelFile_SaysFileNotFound()
    {
        string model = _directory.File("absent.onnx");

        var error = RunExpectingFailure(model);

        Assert.Equal($"{model}: L1AD model file not found", error.Message);
    }

    [Fact]
    public void Run_TrainingListWithoutEventNumbers_NamesFileAndDataset()
    {
        string path = _directory.File("L1AD_training_events.h5");
        Rewrite(path, contents => Without(contents, "event_number"));

        var error = RunExpectingFailure();

        Assert.Equal($"{path}: dataset 'event_number': dataset is missing", error.Message);
    }

    [Fact]
    public void Run_ModelWithInput48_NamesModelAndShape()
    {
        string model = TestData.Path("matching", "l1ad_input48.onnx");

        var error = RunExpectingFailure(model);

        Assert.Equal($"{model}: L1AD model input 'x' is float with shape (N, 48); an (N, 44) float input is required",
            error.Message);
    }

    [Fact]
    public void Run_TwoMcFilesWithOneTag_NamesBoth()
    {
        File.Copy(_directory.File("MC", "qqa_ntuples.h5"), _directory.File("MC", "qqa_more.h5"));

        var error = RunExpectingFailure();

        Assert.Equal($"{_directory.File("MC", "qqa_ntuples.h5")}: gives MC tag 'qqa', which qqa_more.h5 gives too",
            error.Message);
    }

    [Fact]
    public void Run_FolderNamedLikeATag_RefusedBeforeWriting()
    {
        // It would make the final rename of that tag fail; it is found before any work (the all-or-none
        // commit itself is tested in Hdf5WriterTests).
        Directory.CreateDirectory(Path.Combine(Output, "ZZ4lep.h5"));

        var error = Assert.Throws<OutputFileException>(() => Matcher.Run(Options()));

        Assert.Equal($"{Path.Combine(Output, "ZZ4lep.h5")}: cannot be written: a folder of that name is in the way",
            error.Message);
        Assert.Equal(["ZZ4lep.h5"], Directory.GetFileSystemEntries(Output).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_OutputFolderWithOtherH5Files_RefusedBeforeWriting()
    {
        // A stale tag of an earlier study would be read by preprocess as one more sample.
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "old_signal.h5"), "not written by this match");

        var error = Assert.Throws<OutputFileException>(() => Matcher.Run(Options()));

        Assert.Equal(
            $"{Output}: cannot be written: the folder holds 1 .h5 file(s) this match does not write (old_signal.h5), "
            + "which later steps would read as matched samples; choose an empty folder or remove them",
            error.Message);
        Assert.Equal(["old_signal.h5"], Directory.GetFileSystemEntries(Output).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_AgainIntoItsOwnOutput_ReplacesTheTags()
    {
        var first = Matcher.Run(Options());
        var before = Directory.GetFiles(Output).Select(Path.GetFileName).Order().ToList();

        var second = Matcher.Run(Options());

        Assert.Equal(first.Tags, second.Tags);
        Assert.Equal(before, Directory.GetFiles(Output).Select(Path.GetFileName).Order().ToList());
    }

    [Fact]
    public void Run_OutIsAFile_SaysSo()
    {
        File.WriteAllText(Output, "a file");

        var error = Assert.Throws<OutputFileException>(() => Matcher.Run(Options()));

        Assert.Equal($"{Output}: cannot be written: it is a file, not a folder", error.Message);
    }

    [Fact]
    public void Run_EbInputIsAFile_SaysSo()
    {
        string file = _directory.File("eb.h5");
        File.Copy(EbFile, file);
        var options = Options() with { EbDirectory = file };

        var error = Assert.Throws<InputDataException>(() => Matcher.Run(options));

        Assert.Equal($"{file}: is a file; the EB input must be a folder of ntuples", error.Message);
        Assert.False(Directory.Exists(Output));
    }

    public void Dispose() => _directory.Dispose();

    private MatchOptions Options(string? model = null) => new(
        _directory.File("EB"), _directory.File("MC"), _directory.File("L1AD_training_events.h5"),
        model ?? TestData.Path("matching", "l1ad_linear3.onnx"), Output);

    private InputDataException RunExpectingFailure(string? model = null)
    {
        var error = Assert.Throws<InputDataException>(() => Matcher.Run(Options(model)));
        Assert.True(!Directory.Exists(Output) || Directory.GetFileSystemEntries(Output).Length == 0,
            "the failed run left files in the output folder");
        return error;
    }

    private static void Rewrite(string path, Func<Hdf5Datasets, Hdf5Datasets> change)
    {
        var contents = new Hdf5Datasets();
        using (var reader = Hdf5Reader.Open(path))
        {
            foreach (string name in reader.DatasetNames())
            {
                long[] shape = reader.Shape(name);
                _ = reader.ElementType(name) switch
                {
                    Hdf5ElementType.Float64 => contents.Add(name, reader.ReadFloat64(name), shape),
                    Hdf5ElementType.Int64 => contents.Add(name, reader.ReadInt64(name), shape),
                    Hdf5ElementType.Bool => contents.Add(name, reader.ReadBool(name), shape),
                    _ => contents.Add(name, reader.ReadFloat32(name), shape),
                };
            }
        }

        Hdf5Writer.Write(path, change(contents));
    }

    private static Hdf5Datasets Without(Hdf5Datasets contents, string dataset)
    {
        var result = new Hdf5Datasets();
        foreach (var entry in contents.Datasets.Where(entry => entry.Name != dataset))
        {
            Copy(result, entry.Name, entry.Values, entry.Shape.ToArray());
        }

        return result;
    }

    private static Hdf5Datasets Replace(Hdf5Datasets contents, string dataset, Array values, params long[] shape)
    {
        var result = Without(contents, dataset);
        Copy(result, dataset, values, shape.Length == 0 ? [values.Length] : shape);
        return result;
    }

    private static void Copy(Hdf5Datasets target, string name, Array values, long[] shape)
    {
        _ = values switch
        {
            float[] f => target.Add(name, f, shape),
            double[] d => target.Add(name, d, shape),
            long[] l => target.Add(name, l, shape),
            bool[] b => target.Add(name, b, shape),
            _ => throw new InvalidOperationException(name),
        };
    }
}
