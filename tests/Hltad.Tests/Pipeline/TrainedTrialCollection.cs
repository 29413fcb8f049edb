namespace Hltad.Tests.Pipeline;

/// <summary>The tests that share one <see cref="TrainedTrial"/> (trained once, run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class TrainedTrialCollection : ICollectionFixture<TrainedTrial>
{
    public const string Name = "trained trial";
}
