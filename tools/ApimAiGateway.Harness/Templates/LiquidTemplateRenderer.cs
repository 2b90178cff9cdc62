using System.Globalization;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;
using DotLiquid;
using DotLiquid.Exceptions;
using LiquidContext = DotLiquid.Context;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Renders set-body Liquid templates (<c>template="liquid"</c>) against the current message, and validates them for
/// the linter. Parsed templates are cached by text and shared across threads; renders run in parallel. Nothing
/// thrown by DotLiquid escapes: a bad template or body yields a failure (render) or located diagnostics (validate).
/// </summary>
public sealed class LiquidTemplateRenderer(LiquidRenderLimits? limits = null)
{
    private readonly LiquidRenderLimits _limits = limits ?? LiquidRenderLimits.Default;
    private readonly LiquidTemplateCache _cache = new();

    /// <summary>Syntax errors, unknown tags and unsupported filters, each located in the policy file.</summary>
    public static IReadOnlyList<Diagnostic> Validate(LocatedText template) => LiquidTemplateValidator.Validate(template);

    public LiquidRenderResult Render(LiquidRenderRequest request)
    {
        var parse = _cache.Get(request.Template);
        if (parse.Template is null)
        {
            return LiquidRenderResult.Fail(parse.Problem!);
        }

        if (!LiquidEngine.UsesCSharpNaming)
        {
            return LiquidRenderResult.Fail(
                "DotLiquid's process-wide naming convention was changed from C# by another component; set-body filters would not resolve.");
        }

        var (body, bodyFailure) = LiquidBodyBinder.Bind(request);
        if (bodyFailure is not null)
        {
            return LiquidRenderResult.Fail(bodyFailure);
        }

        return RenderBound(parse.Template, body, request);
    }

    private LiquidRenderResult RenderBound(Template template, object? body, LiquidRenderRequest request)
    {
        var locals = new Hash
        {
            ["body"] = body,
            ["context"] = LiquidContextModel.Build(request.Context, request.OriginalMethod),
        };
        // The context is built here rather than from RenderParameters because DotLiquid ignores a render's own
        // filters once a template is thread-safe. The invariant culture renders a parsed date as
        // "MM/dd/yyyy HH:mm:ss", the form set-body's parse-date attribute describes.
        using var deadline = new CancellationTokenSource(_limits.Timeout);
        var liquidContext = new LiquidContext(
            [locals], new Hash(), new Hash(), ErrorsOutputMode.Rethrow, _limits.MaxLoopIterations, CultureInfo.InvariantCulture, deadline.Token)
        {
            SyntaxCompatibilityLevel = LiquidEngine.Syntax,
        };
        liquidContext.AddFilters(typeof(BoundedStringFilters));
        var parameters = RenderParameters.FromContext(liquidContext, CultureInfo.InvariantCulture);
        var output = new BoundedTextWriter(_limits.MaxOutputLength);
        using var lengthLimit = LiquidLengthGuard.Limit(_limits.MaxOutputLength);
        try
        {
            template.Render(output, parameters);
            return LiquidRenderResult.Success(output.ToString());
        }
        catch (MaximumIterationsExceededException)
        {
            return LiquidRenderResult.Fail($"a loop of the template exceeds {_limits.MaxLoopIterations} iterations.");
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            return LiquidRenderResult.Fail($"rendering the template takes longer than {_limits.Timeout.TotalMilliseconds} ms.");
        }
        catch (LiquidLimitExceededException exception)
        {
            return LiquidRenderResult.Fail(exception.Message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return LiquidRenderResult.Fail("rendering the template failed: " + exception.Message);
        }
    }
}
