using Hltad.Engine;
using Hltad.Io;
using Hltad.Matching;
using Hltad.Onnx;
using Hltad.Physics;
using Hltad.Preprocessing;

namespace Hltad.Pipeline;

/// <summary>
/// <c>hltad l1ad train</c>: trains an L1AD network of the reference kind, a VAE on the Topo2A inputs
/// (SEMANTICS.md section 2) of the EB events listed as the L1AD training sample, and exports its mean encoder
/// to ONNX: input (N, 44), output the latent mean, whose mean square is the L1AD score.
/// </summary>
public static class L1adTraining
{
    /// <summary>Trains on the EB ntuples of <paramref name="ebDirectory"/> and writes <paramref
    /// name="onnxPath"/>.</summary>
    /// <returns>The number of training events and the best validation loss.</returns>
    public static (int Events, double ValidationLoss) Run(
        string ebDirectory,
        string trainingEventsFile,
        string onnxPath,
        L1adTrainingOptions options,
        IProgress<EpochReport>? progress,
        CancellationToken cancellation)
    {
        // The Topo2A vectors of the listed events, in file order.
        float[] inputs = ListedTopo2AInputs(ebDirectory, L1adTrainingEvents.Read(trainingEventsFile), out int count);
        if (count < 10)
        {
            throw new InputDataException(trainingEventsFile, null,
                $"only {count} of the listed events are in {ebDirectory}; at least 10 are needed to train");
        }

        // A seeded 85/15 split, as preprocessing splits EB_train (section 6 step 9).
        int[] order = TrainValidationSplit.Permutation(count, options.Seed);
        int trainCount = TrainValidationSplit.TrainCount(count);
        TrainingSet train = Rows(inputs, order.AsSpan(0, trainCount));
        TrainingSet validation = Rows(inputs, order.AsSpan(trainCount));

        // Train, then export the mean encoder.
        VaeTrainer trainer = VaeTrainer.Start(options.Architecture, options.Training, options.Seed);
        VariationalAutoencoder model = trainer.Train(train, validation, progress, cancellation);
        OnnxExporter.Export(model.EncoderMeanNetwork(), onnxPath,
            new OnnxExportOptions(GraphName: "l1ad_topo2A_encoder", OutputName: "z_mean"));
        return (count, trainer.BestValidationLoss);
    }

    private static float[] ListedTopo2AInputs(string ebDirectory, L1adTrainingEvents listed, out int count)
    {
        var selected = new List<float>();
        count = 0;
        foreach (string path in MatchInputFile.List(ebDirectory, "EB"))
        {
            using NtupleReader reader = NtupleReader.Open(path, MatchInputFile.CommonDatasets
                .Concat(MatchInputFile.EnhancedBiasDatasets));
            long[] runs = reader.ReadInt64(NtupleDatasets.RunNumber);
            long[] events = reader.ReadInt64(NtupleDatasets.EventNumber);
            float[] topo2A = Topo2AInputs.Build(
                reader.ReadObjects(NtupleDatasets.L1JFexSmallRadiusJets, Topo2A.Jets),
                reader.ReadObjects(NtupleDatasets.L1EFexTaus, Topo2A.Taus),
                reader.ReadObjects(NtupleDatasets.L1Muons, Topo2A.Muons),
                reader.ReadMet(NtupleDatasets.L1Met));
            for (int i = 0; i < runs.Length; i++)
            {
                if (listed.Contains(runs[i], events[i]))
                {
                    selected.AddRange(topo2A.AsSpan(i * Topo2A.Inputs, Topo2A.Inputs));
                    count++;
                }
            }
        }

        return selected.ToArray();
    }

    private static TrainingSet Rows(float[] inputs, ReadOnlySpan<int> rows)
    {
        var values = new float[rows.Length * Topo2A.Inputs];
        for (int i = 0; i < rows.Length; i++)
        {
            inputs.AsSpan(rows[i] * Topo2A.Inputs, Topo2A.Inputs).CopyTo(values.AsSpan(i * Topo2A.Inputs));
        }

        return new TrainingSet(values, null, null, rows.Length);
    }
}
