import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { messageOf } from '../api/api-error';
import { useNotify } from './notices';

interface ApiMutationOptions<Input, Output> {
  run: (input: Input) => Promise<Output>;
  /** The notice after success, e.g. "Key blocked." */
  success?: string | ((output: Output, input: Input) => string);
  /** Query keys to refetch after success ("keys", "teams"…). */
  invalidate: string[];
  onSuccess?: (output: Output, input: Input) => void;
}

/** A management write: progress state, a notice on success or failure, and the affected lists refetched. */
export function useApiMutation<Input, Output>(options: ApiMutationOptions<Input, Output>): UseMutationResult<Output, Error, Input> {
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: options.run,
    onSuccess: async (output, input) => {
      await Promise.all(options.invalidate.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      const message = typeof options.success === 'function' ? options.success(output, input) : options.success;
      if (message !== undefined) notify(message);
      options.onSuccess?.(output, input);
    },
    onError: (error) => notify(messageOf(error), 'error'),
  });
}
