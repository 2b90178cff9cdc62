using ApimAiGateway.Harness.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApimAiGateway.Harness.Analysis;

/// <summary>Which message a body read touches.</summary>
public enum MessageKind
{
    Request,
    Response,
}

/// <summary>A read of <c>context.Variables</c> by a literal name, at an offset of the expression's code.</summary>
public readonly record struct VariableRead(string Name, int Offset);

/// <summary>A call of <c>As&lt;T&gt;()</c> or <c>AsFormUrlEncodedContent()</c> on a message body.</summary>
public readonly record struct BodyRead(MessageKind Message, bool PreservesContent, int Offset);

/// <summary>
/// What an expression does that the data-flow checks care about, found on its syntax alone: the variables it reads
/// by literal name and the message bodies it reads. Reads through aliases (<c>var v = context.Variables;</c>) are
/// not followed: the checks prefer a missed warning to a false one.
/// </summary>
public sealed class ExpressionFacts
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private ExpressionFacts(IReadOnlyList<VariableRead> variableReads, IReadOnlyList<BodyRead> bodyReads)
    {
        VariableReads = variableReads;
        BodyReads = bodyReads;
    }

    public IReadOnlyList<VariableRead> VariableReads { get; }

    public IReadOnlyList<BodyRead> BodyReads { get; }

    public static ExpressionFacts Of(string code, ExpressionKind kind)
    {
        SyntaxNode root = kind == ExpressionKind.SingleStatement
            ? SyntaxFactory.ParseExpression(code, options: ParseOptions)
            : SyntaxFactory.ParseStatement("{" + code + "}", options: ParseOptions);
        var shift = kind == ExpressionKind.SingleStatement ? 0 : -1;

        var variables = new List<VariableRead>();
        var bodies = new List<BodyRead>();
        foreach (var node in root.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case ElementAccessExpressionSyntax access when IsContextMember(access.Expression, "Variables")
                                                               && LiteralArgument(access.ArgumentList.Arguments) is { } name:
                    variables.Add(new VariableRead(name, access.SpanStart + shift));
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation:
                    Inspect(invocation, member, shift, variables, bodies);
                    break;
            }
        }

        return new ExpressionFacts(variables, bodies);
    }

    private static void Inspect(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax member, int shift, List<VariableRead> variables, List<BodyRead> bodies)
    {
        var method = member.Name.Identifier.ValueText;
        if (method == "GetValueOrDefault" && IsContextMember(member.Expression, "Variables")
            && LiteralArgument(invocation.ArgumentList.Arguments) is { } name)
        {
            variables.Add(new VariableRead(name, invocation.SpanStart + shift));
            return;
        }

        if (method is not ("As" or "AsFormUrlEncodedContent") || member.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Body" } body)
        {
            return;
        }

        MessageKind? message = body.Expression switch
        {
            _ when IsContextMember(body.Expression, "Request") => MessageKind.Request,
            _ when IsContextMember(body.Expression, "Response") => MessageKind.Response,
            _ => null,
        };
        if (message is { } kind)
        {
            bodies.Add(new BodyRead(kind, PreservesContent(invocation.ArgumentList.Arguments), member.Name.SpanStart + shift));
        }
    }

    /// <summary><c>preserveContent: true</c>, or <c>true</c> as the first positional argument.</summary>
    private static bool PreservesContent(SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        foreach (var argument in arguments)
        {
            var named = argument.NameColon?.Name.Identifier.ValueText;
            if ((named is null || named == "preserveContent") && argument.Expression.IsKind(SyntaxKind.TrueLiteralExpression))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>context.Name</c> written directly, with or without the conditional <c>?.</c>.</summary>
    private static bool IsContextMember(ExpressionSyntax expression, string name) => expression switch
    {
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "context" } } access =>
            access.Name.Identifier.ValueText == name,
        _ => false,
    };

    private static string? LiteralArgument(SeparatedSyntaxList<ArgumentSyntax> arguments) =>
        arguments.Count > 0 && arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : null;
}
