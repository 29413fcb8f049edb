using System.Text;
using Hltad.Engine;

namespace Hltad.Tests.Engine;

public sealed class ModelFileTests
{
    private static readonly Lazy<Autoencoder> Trained = new(() =>
    {
        var trainer = AutoencoderTrainer.Start(new AutoencoderArchitecture(Large: false, L2Coupling: 0.01f),
            new TrainingOptions(MaxEpochs: 2, BatchSize: 128), 4);
        trainer.Train(SyntheticEvents.Make(1, 600), SyntheticEvents.Make(2, 200));
        Autoencoder model = trainer.BestModel();
        model.MetadataJson = """{"scaler":{"mean":[1.5,2],"std":[0.5,1]}}""";
        return model;
    });

    [Fact]
    public void SaveLoad_RoundTrip_SameTensorsOptionsSeedMetadataAndScores()
    {
        Autoencoder model = Trained.Value;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        Autoencoder loaded = Autoencoder.Load(stream);

        Assert.Equal(model.Architecture, loaded.Architecture);
        Assert.Equal(model.TrainingOptions, loaded.TrainingOptions);
        Assert.Equal(model.Seed, loaded.Seed);
        Assert.Equal(model.History, loaded.History);
        Assert.Equal("""{"scaler":{"mean":[1.5,2],"std":[0.5,1]}}""", loaded.MetadataJson);
        Assert.Equal(TrainingDeterminismTests.TensorBytes(model), TrainingDeterminismTests.TensorBytes(loaded));

        TrainingSet data = SyntheticEvents.Make(3, 50);
        float[] a = new float[50];
        float[] b = new float[50];
        model.Score(data.Inputs, default, 50, a);
        loaded.Score(data.Inputs, default, 50, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void SaveToPath_LoadFromPath_RoundTrip()
    {
        string path = Path.Combine(Path.GetTempPath(), $"hltad-model-{Guid.NewGuid():N}.hltad");
        try
        {
            Trained.Value.Save(path);
            Assert.Equal(TrainingDeterminismTests.TensorBytes(Trained.Value),
                TrainingDeterminismTests.TensorBytes(Autoencoder.Load(path)));
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + ".*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_ForeignFile_ThrowsNamingMagic()
    {
        var e = Assert.Throws<ModelFormatException>(() =>
            Autoencoder.Load(new MemoryStream(Encoding.ASCII.GetBytes("\x89HDF\r\n\x1a\n rest of a file")), "x.h5"));
        Assert.Contains("x.h5", e.Message);
        Assert.Contains("magic", e.Message);
    }

    [Fact]
    public void Load_NewerVersion_ThrowsNamingVersion()
    {
        byte[] bytes = Bytes();
        bytes[8] = 2;
        var e = Assert.Throws<ModelFormatException>(() => Autoencoder.Load(new MemoryStream(bytes)));
        Assert.Contains("version 2", e.Message);
    }

    [Fact]
    public void Load_Truncated_Throws()
    {
        byte[] bytes = Bytes();
        var e = Assert.Throws<ModelFormatException>(() => Autoencoder.Load(new MemoryStream(bytes[..^10])));
        Assert.Contains("ends inside", e.Message);
    }

    [Fact]
    public void Load_FlippedDataByte_ThrowsChecksum()
    {
        byte[] bytes = Bytes();
        bytes[^5] ^= 0x40;
        var e = Assert.Throws<ModelFormatException>(() => Autoencoder.Load(new MemoryStream(bytes)));
        Assert.Contains("checksum", e.Message);
    }

    [Fact]
    public void Resume_ModelFileInsteadOfCheckpoint_ThrowsNamingKind()
    {
        var e = Assert.Throws<ModelFormatException>(() => AutoencoderTrainer.Resume(new MemoryStream(Bytes())));
        Assert.Contains("'autoencoder'", e.Message);
    }

    private static byte[] Bytes()
    {
        using var stream = new MemoryStream();
        Trained.Value.Save(stream);
        return stream.ToArray();
    }
}
