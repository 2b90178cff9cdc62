using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Tests.Analysis;

public sealed class ExpressionFactsTests
{
    [Fact]
    public void Variable_reads_by_indexer_and_GetValueOrDefault_are_found_with_their_offsets()
    {
        const string code = "(string)context.Variables[\"a\"] + context.Variables.GetValueOrDefault<string>(\"b\", \"\")";
        var facts = ExpressionFacts.Of(code, ExpressionKind.SingleStatement);

        Assert.Equal(
            [new VariableRead("a", code.IndexOf("context.Variables[", StringComparison.Ordinal)),
             new VariableRead("b", code.LastIndexOf("context.Variables", StringComparison.Ordinal))],
            facts.VariableReads);
    }

    [Fact]
    public void Presence_checks_are_not_reads()
    {
        var facts = ExpressionFacts.Of("context.Variables.ContainsKey(\"a\")", ExpressionKind.SingleStatement);

        Assert.Empty(facts.VariableReads);
    }

    [Fact]
    public void Body_reads_know_their_message_and_whether_they_preserve_the_content()
    {
        const string code = " var a = context.Request.Body.As<JObject>(preserveContent: true); var b = context.Response.Body.As<string>(); var c = context.Request.Body.AsFormUrlEncodedContent(true); return a; ";
        var facts = ExpressionFacts.Of(code, ExpressionKind.MultiStatement);

        Assert.Equal(
            [new BodyRead(MessageKind.Request, true, code.IndexOf("As<JObject>", StringComparison.Ordinal)),
             new BodyRead(MessageKind.Response, false, code.IndexOf("As<string>", StringComparison.Ordinal)),
             new BodyRead(MessageKind.Request, true, code.IndexOf("AsFormUrlEncodedContent", StringComparison.Ordinal))],
            facts.BodyReads);
    }

    [Fact]
    public void Malformed_code_yields_what_can_be_recognised_without_throwing()
    {
        var facts = ExpressionFacts.Of("context.Variables[\"a\"] +", ExpressionKind.SingleStatement);

        Assert.Equal("a", Assert.Single(facts.VariableReads).Name);
    }
}
