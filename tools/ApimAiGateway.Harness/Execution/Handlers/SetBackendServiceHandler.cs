using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// set-backend-service (apim-reference §4.8): changes the base URL forward-request sends to, directly (base-url) or
/// through a backend entity (backend-id).
/// </summary>
public sealed class SetBackendServiceHandler : IPolicyHandler
{
    public string PolicyName => "set-backend-service";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        element.Attribute("base-url") is null ? null : binder.Attribute(element, "base-url", string.Empty),
        element.Attribute("backend-id") is null ? null : binder.Attribute(element, "backend-id", string.Empty));

    private sealed class Step(BoundValue<string>? baseUrl, BoundValue<string>? backendId) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            if (baseUrl is not null)
            {
                var url = baseUrl.Evaluate(context);
                context.BackendBaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    ? uri
                    : throw new PolicyException("set-backend-service", "InvalidBaseUrl", $"'{url}' is not an absolute URL.");
                context.SelectedBackend = null;
                context.Note($"backend base URL {uri}");
            }
            else if (backendId is not null)
            {
                var id = backendId.Evaluate(context);
                var backend = context.Services.Backends.Find(id)
                    ?? throw new PolicyException("set-backend-service", "BackendNotFound", $"Backend '{id}' does not exist.");
                context.SelectedBackend = backend;
                if (backend.Url is { } url)
                {
                    context.BackendBaseUrl = url;
                }

                context.Note($"backend '{id}' ({backend.Kind.ToString().ToLowerInvariant()})");
            }

            return ValueTask.CompletedTask;
        }
    }
}
