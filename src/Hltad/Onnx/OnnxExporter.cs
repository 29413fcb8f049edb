using System.Reflection;
using Google.Protobuf;
using Hltad.Engine;
using Hltad.Io;
using Onnx;
using Dimension = Onnx.TensorShapeProto.Types.Dimension;
using TensorType = Onnx.TypeProto.Types.Tensor;

namespace Hltad.Onnx;

/// <summary>
/// Writes an <see cref="InferenceNetwork"/> as an ONNX model (SEMANTICS.md section 10): opset 13, IR version 8,
/// producer "hltad", one float input (N, features) with N symbolic, and one output — the (N, outputs)
/// reconstruction, or the (N,) AD score computed in the graph as
/// <c>Σⱼ mⱼ·(yⱼ − xⱼ)² / max(Σⱼ mⱼ, 1)</c> with <c>mⱼ = (xⱼ ≠ 0) ∧ (xⱼ ≠ −999)</c>
/// (sections 7 and 8).
/// </summary>
public static class OnnxExporter
{
    /// <summary>Operator set the graphs use.</summary>
    public const int Opset = 13;

    /// <summary>ONNX IR version written (IR 8 = ONNX 1.10+, read by every ONNX Runtime since 1.10).</summary>
    public const long IrVersion = 8;

    /// <summary>Producer name stored in the model.</summary>
    public const string ProducerName = "hltad";

    private const int FloatType = (int)TensorProto.Types.DataType.Float;
    private const int Int64Type = (int)TensorProto.Types.DataType.Int64;

    /// <summary>Builds the ONNX model of <paramref name="network"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The network is empty or its step sizes do not chain; or the score output is asked for and the network's
    /// output width differs from its input width.
    /// </exception>
    public static ModelProto Build(InferenceNetwork network, OnnxExportOptions? options = null)
    {
        options ??= new OnnxExportOptions();
        InferenceNetworkValidation.Validate(network, nameof(network));
        if (options.Output == OnnxExportOutput.AdScore && network.Inputs != network.Outputs)
        {
            throw new ArgumentException(
                $"the AD score needs a reconstruction as wide as the input; the network maps {network.Inputs} to " +
                $"{network.Outputs}", nameof(network));
        }

        var graph = new GraphProto { Name = options.GraphName };
        graph.Input.Add(FloatValue(options.InputName, options.BatchDimension, network.Inputs));

        // The network steps, then the score when asked for.
        string reconstruction = AddSteps(graph, network, options.InputName);
        string output = options.ResolvedOutputName;
        if (options.Output == OnnxExportOutput.AdScore)
        {
            AddMaskedMse(graph, options.InputName, reconstruction, output);
            graph.Output.Add(FloatValue(output, options.BatchDimension, columns: null));
        }
        else
        {
            graph.Node.Add(Node("Identity", "output_identity", [reconstruction], output));
            graph.Output.Add(FloatValue(output, options.BatchDimension, network.Outputs));
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = ProducerVersion(),
            DocString = options.DocString ?? "",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        model.MetadataProps.Add(new StringStringEntryProto
        {
            Key = "hltad.output",
            Value = options.Output == OnnxExportOutput.AdScore ? "ad_score" : "reconstruction",
        });
        return model;
    }

    /// <summary>Writes the model of <paramref name="network"/> to <paramref name="destination"/>.</summary>
    public static void Export(InferenceNetwork network, Stream destination, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ModelProto model = Build(network, options);
        model.WriteTo(destination);
    }

    /// <summary>
    /// Writes the model of <paramref name="network"/> to <paramref name="path"/>: first to a temporary file in
    /// the same folder, renamed over <paramref name="path"/> once complete.
    /// </summary>
    public static void Export(InferenceNetwork network, string path, OnnxExportOptions? options = null)
    {
        ModelProto model = Build(network, options);
        AtomicFile.Write(path, stream => model.WriteTo(stream));
    }

    private static string AddSteps(GraphProto graph, InferenceNetwork network, string input)
    {
        string current = input;
        for (int i = 0; i < network.Steps.Count; i++)
        {
            current = network.Steps[i] switch
            {
                DenseInference dense => AddDense(graph, $"dense_{i}", dense.Dense, current),
                AffineInference affine => AddAffine(graph, $"affine_{i}", affine, current),
                _ => throw new ArgumentException($"step {i}: unsupported step type", nameof(network)),
            };
        }

        return current;
    }

    private static string AddDense(GraphProto graph, string name, DenseStep dense, string input)
    {
        graph.Initializer.Add(FloatTensor($"{name}/kernel", dense.Kernel, dense.Inputs, dense.Outputs));
        graph.Initializer.Add(FloatTensor($"{name}/bias", dense.Bias, dense.Outputs));
        graph.Node.Add(Node("MatMul", $"{name}/MatMul", [input, $"{name}/kernel"], $"{name}/matmul"));
        graph.Node.Add(Node("Add", $"{name}/Add", [$"{name}/matmul", $"{name}/bias"], $"{name}/linear"));
        switch (dense.Activation)
        {
            case Activation.Linear:
                return $"{name}/linear";
            case Activation.Relu:
                graph.Node.Add(Node("Relu", $"{name}/Relu", [$"{name}/linear"], $"{name}/relu"));
                return $"{name}/relu";
            case Activation.LeakyRelu:
                NodeProto leaky = Node("LeakyRelu", $"{name}/LeakyRelu", [$"{name}/linear"], $"{name}/leaky_relu");
                leaky.Attribute.Add(new AttributeProto
                {
                    Name = "alpha",
                    Type = AttributeProto.Types.AttributeType.Float,
                    F = dense.LeakyReluSlope,
                });
                graph.Node.Add(leaky);
                return $"{name}/leaky_relu";
            default:
                throw new ArgumentException($"{name}: unknown activation {dense.Activation}", nameof(dense));
        }
    }

    private static string AddAffine(GraphProto graph, string name, AffineInference affine, string input)
    {
        graph.Initializer.Add(FloatTensor($"{name}/scale", affine.Scale, affine.Scale.Length));
        graph.Initializer.Add(FloatTensor($"{name}/shift", affine.Shift, affine.Shift.Length));
        graph.Node.Add(Node("Mul", $"{name}/Mul", [input, $"{name}/scale"], $"{name}/scaled"));
        graph.Node.Add(Node("Add", $"{name}/Add", [$"{name}/scaled", $"{name}/shift"], $"{name}/shifted"));
        return $"{name}/shifted";
    }

    /// <summary>score = Σ m·(y − x)² / max(Σ m, 1) over axis 1, m = (x ≠ 0) ∧ (x ≠ −999), as
    /// float.</summary>
    private static void AddMaskedMse(GraphProto graph, string input, string reconstruction, string output)
    {
        const string p = "score";
        graph.Initializer.Add(FloatTensor($"{p}/zero", [0f]));
        graph.Initializer.Add(FloatTensor($"{p}/not_computed", [Physics.PhysicsConstants.MetNotComputed]));
        graph.Initializer.Add(FloatTensor($"{p}/one", [1f]));
        graph.Initializer.Add(Int64Tensor($"{p}/axes", [1], 1));

        // Mask of the entries that count: neither zero padding nor "not computed".
        graph.Node.Add(Node("Equal", $"{p}/IsZero", [input, $"{p}/zero"], $"{p}/is_zero"));
        graph.Node.Add(Node("Equal", $"{p}/IsNotComputed", [input, $"{p}/not_computed"], $"{p}/is_not_computed"));
        graph.Node.Add(Node("Or", $"{p}/Excluded", [$"{p}/is_zero", $"{p}/is_not_computed"], $"{p}/excluded"));
        graph.Node.Add(Node("Not", $"{p}/Counted", [$"{p}/excluded"], $"{p}/counted"));
        NodeProto cast = Node("Cast", $"{p}/Mask", [$"{p}/counted"], $"{p}/mask");
        cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(cast);

        // Masked squared error summed over the columns.
        graph.Node.Add(Node("Sub", $"{p}/Sub", [reconstruction, input], $"{p}/difference"));
        graph.Node.Add(Node("Mul", $"{p}/Square", [$"{p}/difference", $"{p}/difference"], $"{p}/squared"));
        graph.Node.Add(Node("Mul", $"{p}/ApplyMask", [$"{p}/squared", $"{p}/mask"], $"{p}/masked"));
        graph.Node.Add(ReduceSum($"{p}/SumSquares", $"{p}/masked", $"{p}/axes", $"{p}/sum"));

        // Divided by the number of counted entries, at least 1.
        graph.Node.Add(ReduceSum($"{p}/SumMask", $"{p}/mask", $"{p}/axes", $"{p}/count"));
        graph.Node.Add(Node("Max", $"{p}/AtLeastOne", [$"{p}/count", $"{p}/one"], $"{p}/denominator"));
        graph.Node.Add(Node("Div", $"{p}/Mean", [$"{p}/sum", $"{p}/denominator"], output));
    }

    private static NodeProto ReduceSum(string name, string data, string axes, string output)
    {
        NodeProto node = Node("ReduceSum", name, [data, axes], output);
        node.Attribute.Add(new AttributeProto
        {
            Name = "keepdims",
            Type = AttributeProto.Types.AttributeType.Int,
            I = 0,
        });
        return node;
    }

    private static NodeProto Node(string opType, string name, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = opType, Name = name, Domain = "" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private static TensorProto FloatTensor(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = FloatType };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    private static TensorProto Int64Tensor(string name, long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = Int64Type };
        tensor.Dims.AddRange(dims);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }

    /// <summary>A float tensor value of shape (batch) or (batch, columns).</summary>
    private static ValueInfoProto FloatValue(string name, string batchDimension, int? columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new Dimension { DimParam = batchDimension });
        if (columns is int width)
        {
            shape.Dim.Add(new Dimension { DimValue = width });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TensorType { ElemType = FloatType, Shape = shape } },
        };
    }

    private static string ProducerVersion() =>
        typeof(OnnxExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0] ?? "0";
}
