using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Tests.Reading;

namespace ApimAiGateway.Harness.Tests.RealWorld;

/// <summary>
/// Raw-form values whose expression does not start the value (apim-reference 1.3: the toolkit's
/// PolicyDecompiler.PreprocessXml protects every balanced '@(...)' span, wherever it sits).
/// </summary>
public class EmbeddedExpressionReadingTests
{
    [Fact]
    public void An_expression_after_literal_text_keeps_its_unescaped_quotes_in_the_value()
    {
        var document = TestPolicy.ReadClean("""
            <policies>
              <inbound>
                <cache-store-value duration="60" key="prefix-@(context.Variables.GetValueOrDefault("k", ""))" value="v" />
              </inbound>
            </policies>
            """);

        var store = TestPolicy.Element(document, "inbound", "cache-store-value");
        var key = store.Attribute("key")!.Value;
        Assert.Null(key.Expression);
        Assert.Equal("prefix-@(context.Variables.GetValueOrDefault(\"k\", \"\"))", key.Text.Text);
        Assert.Equal("v", store.Attribute("value")!.Value.Text.Text);
    }

    [Fact]
    public void An_unbalanced_embedded_span_leaves_the_value_ending_at_the_first_quote()
    {
        var document = TestPolicy.ReadClean("""
            <policies><inbound><set-variable name="n" value="mail@(example" /></inbound></policies>
            """);

        var value = TestPolicy.Element(document, "inbound", "set-variable").Attribute("value")!.Value;
        Assert.Equal("mail@(example", value.Text.Text);
    }
}
