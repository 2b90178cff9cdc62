using System.Text;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Compilation;

/// <summary>
/// The single C# file that holds every expression of a run as one static method each (<c>E0</c>, <c>E1</c>, …),
/// and the map from a position in that file back to the expression, and so to the policy file.
/// </summary>
internal sealed class GeneratedExpressionSource
{
    public const string Namespace = "ApimAiGateway.Expressions";
    public const string ClassName = "CompiledExpressions";
    public const string MethodPrefix = "E";

    private readonly int[] _codeStarts;
    private readonly IReadOnlyList<ExpressionSource> _expressions;

    private GeneratedExpressionSource(string text, int[] codeStarts, IReadOnlyList<ExpressionSource> expressions)
    {
        Text = text;
        _codeStarts = codeStarts;
        _expressions = expressions;
    }

    public string Text { get; }

    public int Count => _expressions.Count;

    public static string MethodName(int index) => MethodPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static GeneratedExpressionSource Create(IReadOnlyList<ExpressionSource> expressions, ExpressionCompilerOptions options)
    {
        var text = new StringBuilder(expressions.Sum(e => e.Code.Length + 96) + 1024);
        foreach (var ns in options.Usings)
        {
            text.Append("using ").Append(ns).Append(";\n");
        }

        // The expression API's namespaces are imported inside the namespace block so that its types win over
        // framework types of the same name (APIM's Authorization object over System.Net.Authorization).
        text.Append("namespace ").Append(Namespace).Append("\n{\n");
        foreach (var ns in options.ApiNamespaces)
        {
            text.Append("using ").Append(ns).Append(";\n");
        }

        text.Append("public static class ").Append(ClassName).Append("\n{\n");
        var contextType = options.ContextType.FullName;
        var starts = new int[expressions.Count];
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            var code = options.LoopWatchdogCall is { } call ? LoopInstrumenter.Instrument(expression.Code, expression.Kind, call) : expression.Code;
            var returnType = expression.ResultType == ExpressionResultType.Boolean ? "bool" : "object";
            text.Append("public static ").Append(returnType).Append(' ').Append(MethodName(i))
                .Append("(global::").Append(contextType).Append(" context)");

            // The closing delimiter goes on a line of its own so that a trailing // comment in the expression
            // cannot swallow it.
            if (expression.Kind == ExpressionKind.SingleStatement)
            {
                text.Append(" => (");
                starts[i] = text.Length;
                text.Append(code).Append("\n);\n");
            }
            else
            {
                text.Append("\n{");
                starts[i] = text.Length;
                text.Append(code).Append("\n}\n");
            }
        }

        text.Append("}\n}\n");
        return new GeneratedExpressionSource(text.ToString(), starts, expressions);
    }

    /// <summary>The expression that contains a position of the generated file, or -1 for the file's frame.</summary>
    public int ExpressionAt(int position)
    {
        var index = Array.BinarySearch(_codeStarts, position);
        if (index < 0)
        {
            // A position between two code starts belongs to the earlier expression's code or its closing frame;
            // one before the first code start belongs to the preceding method header, i.e. the next expression.
            index = ~index - 1;
            if (index < 0)
            {
                return _codeStarts.Length > 0 && position < _codeStarts[0] ? 0 : -1;
            }

            var end = _codeStarts[index] + _expressions[index].Code.Length;
            if (position > end && index + 1 < _codeStarts.Length && IsInHeaderOf(index + 1, position))
            {
                index++;
            }
        }

        return index;
    }

    /// <summary>Maps a generated position to the policy file: inside the code exactly, in the frame to its edge.</summary>
    public SourceLocation LocationOf(int index, int position)
    {
        var expression = _expressions[index];
        var offset = Math.Clamp(position - _codeStarts[index], 0, Math.Max(0, expression.Code.Length - 1));
        return expression.LocationAt(offset);
    }

    private bool IsInHeaderOf(int index, int position)
    {
        // A method header ends where its code starts and begins after the previous expression's closing frame,
        // which is at most a few characters ("\n);\n" or "\n}\n") long.
        var previousEnd = _codeStarts[index - 1] + _expressions[index - 1].Code.Length + 4;
        return position >= previousEnd;
    }
}
