using System.Text;
using ApimAiGateway.Harness.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApimAiGateway.Harness.Compilation;

/// <summary>
/// Plants a watchdog call at the top of every loop body and labelled statement of an expression, so a runaway
/// expression can be stopped (.NET cannot abort a thread). Used only for code that runs; diagnostics always come from
/// the code as written.
/// </summary>
internal static class LoopInstrumenter
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    public static string Instrument(string code, ExpressionKind kind, string call)
    {
        var (root, shift) = kind == ExpressionKind.SingleStatement
            ? ((SyntaxNode)SyntaxFactory.ParseExpression(code, options: ParseOptions), 0)
            : (SyntaxFactory.ParseStatement("{" + code + "}", options: ParseOptions), -1);

        var insertions = new List<(int Position, string Text)>();
        foreach (var node in root.DescendantNodesAndSelf())
        {
            var body = node switch
            {
                WhileStatementSyntax loop => loop.Statement,
                DoStatementSyntax loop => loop.Statement,
                ForStatementSyntax loop => loop.Statement,
                CommonForEachStatementSyntax loop => loop.Statement,
                LabeledStatementSyntax labeled => labeled.Statement,
                _ => null,
            };
            if (body is BlockSyntax block)
            {
                insertions.Add((block.OpenBraceToken.Span.End + shift, " " + call + " "));
            }
            else if (body is not null)
            {
                insertions.Add((body.SpanStart + shift, "{ " + call + " "));
                insertions.Add((body.Span.End + shift, " }"));
            }
        }

        if (insertions.Count == 0)
        {
            return code;
        }

        var text = new StringBuilder(code);
        foreach (var (position, inserted) in insertions.OrderByDescending(i => i.Position))
        {
            text.Insert(Math.Clamp(position, 0, text.Length), inserted);
        }

        return text.ToString();
    }
}
