namespace Hltad.Tests;

public sealed class SkeletonTests
{
    [Fact]
    public void EventArrays_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Data.EventArrays(2, new float[95]));
    }
}
