namespace Hltad.Data;

/// <summary>The two object collections each event is seen through: HLT objects or L1 objects (section 3).</summary>
public enum ObjectType
{
    /// <summary><c>HLT</c>: the <c>HLT_data</c> arrays.</summary>
    Hlt,

    /// <summary><c>L1</c>: the <c>L1_data</c> arrays.</summary>
    L1,
}
