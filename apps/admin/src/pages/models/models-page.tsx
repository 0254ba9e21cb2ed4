import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { addDeployment, deleteDeployment, listDeployments, modelNames, updateDeployment, type DeploymentInput, type DeploymentRow } from '../../api/models-api';
import { useApi } from '../../api/session-context';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Page, Section } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { useApiMutation } from '../../components/use-api-mutation';
import { DeploymentDialog } from './deployment-dialog';
import { DeploymentsTable } from './deployments-table';
import { Playground } from './playground';

type ModelsDialog = { kind: 'add' } | { kind: 'edit' | 'delete'; deployment: DeploymentRow } | undefined;

/** Deployments with health and cooldown (refreshed every 10 s), stored deployments' editing, and the playground. */
export default function ModelsPage() {
  const api = useApi();
  const deployments = useQuery({ queryKey: ['models'], queryFn: () => listDeployments(api), refetchInterval: 10_000 });
  const [dialog, setDialog] = useState<ModelsDialog>();
  const close = () => setDialog(undefined);
  const save = useApiMutation({
    run: ({ id, input }: { id: string | undefined; input: DeploymentInput }) => (id === undefined ? addDeployment(api, input) : updateDeployment(api, id, input)),
    success: (_, { id, input }) => `${id === undefined ? 'Added' : 'Saved'} ${input.model_name}.`,
    invalidate: ['models'],
    onSuccess: close,
  });
  const remove = useApiMutation({ run: (deployment: DeploymentRow) => deleteDeployment(api, deployment.id), success: (_, deployment) => `Deleted ${deployment.modelName}.`, invalidate: ['models'], onSuccess: close });
  const add = (
    <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'add' })}>
      Add deployment
    </button>
  );
  return (
    <Page title="Models" actions={add}>
      <Section title="Deployments">
        <QueryView query={deployments} label="deployments" isEmpty={(data) => data.length === 0} empty={<p>No deployments. Add one here or list them in the gateway’s config file.</p>}>
          {(data) => <DeploymentsTable deployments={data} onEdit={(deployment) => setDialog({ kind: 'edit', deployment })} onDelete={(deployment) => setDialog({ kind: 'delete', deployment })} />}
        </QueryView>
      </Section>
      <Section title="Playground">{deployments.data !== undefined && <Playground models={modelNames(deployments.data)} />}</Section>
      <DeploymentDialog
        open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        initial={dialog?.kind === 'edit' ? dialog.deployment : undefined}
        pending={save.isPending}
        onSubmit={(input) => save.mutate({ id: dialog?.kind === 'edit' ? dialog.deployment.id : undefined, input })}
        onClose={close}
      />
      <ConfirmDialog open={dialog?.kind === 'delete'} title="Delete this deployment?" confirmLabel="Delete deployment" pendingLabel="Deleting…" pending={remove.isPending} onConfirm={() => dialog?.kind === 'delete' && remove.mutate(dialog.deployment)} onClose={close}>
        Requests for {dialog?.kind === 'delete' ? dialog.deployment.modelName : 'this model'} stop going to this deployment. Its stored key is erased.
      </ConfirmDialog>
    </Page>
  );
}
