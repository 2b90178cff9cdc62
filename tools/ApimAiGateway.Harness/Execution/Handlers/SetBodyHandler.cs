using System.Text;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Templates;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// set-body (apim-reference §4.4): replaces the request body (inbound, backend) or the response body (outbound,
/// on-error, return-response) with the text, the expression's result, or a rendered liquid template.
/// </summary>
public sealed class SetBodyHandler : IPolicyHandler
{
    public string PolicyName => "set-body";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder)
    {
        var liquid = element.Attribute("template")?.Value.Text.Text.Trim() == "liquid";
        var nil = element.Attribute("xsi-nil")?.Value.Text.Text.Trim() == "null" ? LiquidXsiNil.Null : LiquidXsiNil.Blank;
        return new Step(binder.Text<object?>(element, string.Empty), liquid, nil);
    }

    private sealed class Step(BoundValue<object?> content, bool liquid, LiquidXsiNil xsiNil) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var value = content.Evaluate(context);
            var bytes = value switch
            {
                null => [],
                byte[] raw => raw,
                string text when liquid => Encoding.UTF8.GetBytes(Render(context, text)),
                string text => Encoding.UTF8.GetBytes(text),
                Newtonsoft.Json.Linq.JToken json => Encoding.UTF8.GetBytes(json.ToString(Newtonsoft.Json.Formatting.None)),
                var other => Encoding.UTF8.GetBytes(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            };

            if (context.ActsOnResponse)
            {
                context.Response.Body = new MessageBody(bytes, context.Response.Headers.GetValueOrDefault("Content-Type"));
            }
            else
            {
                context.Request.Body = new MessageBody(bytes, context.Request.Headers.GetValueOrDefault("Content-Type"));
            }

            context.Note($"{(context.ActsOnResponse ? "response" : "request")} body set ({bytes.Length} bytes{(liquid ? ", liquid" : string.Empty)})");
            return ValueTask.CompletedTask;
        }

        private string Render(PolicyExecutionContext context, string template)
        {
            var rendered = context.Services.Liquid.Render(new LiquidRenderRequest(template, context.Expression,
                context.ActsOnResponse ? LiquidMessage.Response : LiquidMessage.Request) { XsiNil = xsiNil });
            return rendered.Succeeded
                ? rendered.Output!
                : throw new PolicyException("set-body", "LiquidTemplateFailure", $"The liquid template failed: {rendered.Failure}");
        }
    }
}
