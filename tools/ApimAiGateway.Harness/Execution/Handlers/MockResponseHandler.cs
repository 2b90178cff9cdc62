using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// mock-response (apim-reference §4.11): ends the pipeline and returns status-code (default 200) with the
/// content-type. APIM fills the body from the operation's response example, else a sample from its schema, else
/// nothing; the harness knows no operation examples or schemas, so the body is always empty (the third case), which
/// keeps a mock from inventing JSON APIM would not send. index selects among examples and so has nothing to pick.
/// No attribute takes expressions (MicrosoftDocs/azure-docs#103071).
/// </summary>
public sealed class MockResponseHandler : IPolicyHandler
{
    public string PolicyName => "mock-response";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "status-code", 200),
        element.Attribute("content-type")?.Value.Text.Text.Trim());

    private sealed class Step(BoundValue<int> statusCode, string? contentType) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var status = statusCode.Evaluate(context);
            var response = new GatewayResponse { StatusCode = status, StatusReason = ReasonPhrases.For(status) };
            if (!string.IsNullOrEmpty(contentType))
            {
                response.Headers.Set("Content-Type", contentType);
            }

            context.Response = response;
            context.Note($"mocks {status}{(contentType is null ? string.Empty : " " + contentType)} with an empty body (no operation examples in the harness); the rest of the pipeline is skipped");
            context.Terminate();
            return ValueTask.CompletedTask;
        }
    }
}
