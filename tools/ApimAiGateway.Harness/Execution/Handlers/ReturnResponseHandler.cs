using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// return-response (apim-reference §4.10): ends the pipeline and returns a response built from the one in
/// response-variable-name (if given) and the set-status, set-header and set-body children; with neither, an empty
/// 200. Nothing after it runs, outbound included.
/// </summary>
public sealed class ReturnResponseHandler : IPolicyHandler
{
    public string PolicyName => "return-response";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        new Step(element.Attribute("response-variable-name")?.Value.Text.Text.Trim(), binder.Sequence(element.Elements));

    private sealed class Step(string? responseVariable, IPolicyStep children) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            context.Response = responseVariable is null ? new GatewayResponse() : Copy(context, responseVariable);
            context.EditingResponse = true;
            try
            {
                await children.ExecuteAsync(context);
            }
            finally
            {
                context.EditingResponse = false;
            }

            context.Note($"returns {context.Response.StatusCode} {context.Response.StatusReason}; the rest of the pipeline is skipped");
            context.Terminate();
        }

        private static GatewayResponse Copy(PolicyExecutionContext context, string variable)
        {
            if (!context.Expression.Variables.TryGetValue(variable, out var value) || value is not Context.IResponse stored)
            {
                throw new PolicyException("return-response", "ResponseVariableNotFound", $"Variable '{variable}' does not hold a response.");
            }

            var copy = new GatewayResponse { StatusCode = stored.StatusCode, StatusReason = stored.StatusReason };
            foreach (var (name, values) in stored.Headers)
            {
                copy.Headers.Set(name, values);
            }

            if (stored is GatewayResponse { Body: { } body })
            {
                copy.Body = new MessageBody(body.Content.ToArray(), body.ContentType);
            }

            return copy;
        }
    }
}
