namespace Hltad.Engine.Layers;

/// <summary>A named tensor inside a <see cref="ParameterStore"/> array: offset, shape, L2 role.</summary>
internal sealed record ParameterSlot(string Name, int Offset, int Rows, int Columns, bool IsKernel)
{
    /// <summary>Number of floats.</summary>
    public int Length => Rows * Columns;
}
