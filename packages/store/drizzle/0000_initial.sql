CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "end_users" (
	"id" text PRIMARY KEY NOT NULL,
	"alias" text,
	"allowed_model_region" text,
	"default_model" text,
	"models" text[] DEFAULT '{}'::text[] NOT NULL,
	"spend" numeric(24, 10) DEFAULT 0 NOT NULL,
	"max_budget" numeric(24, 10),
	"soft_budget" numeric(24, 10),
	"budget_duration" text,
	"budget_reset_at" timestamp (3) with time zone,
	"rpm_limit" integer,
	"tpm_limit" integer,
	"max_parallel_requests" integer,
	"blocked" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"alias" text,
	"models" text[] DEFAULT '{}'::text[] NOT NULL,
	"object_permission" jsonb,
	"spend" numeric(24, 10) DEFAULT 0 NOT NULL,
	"max_budget" numeric(24, 10),
	"soft_budget" numeric(24, 10),
	"budget_duration" text,
	"budget_reset_at" timestamp (3) with time zone,
	"rpm_limit" integer,
	"tpm_limit" integer,
	"max_parallel_requests" integer,
	"blocked" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_memberships" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"spend" numeric(24, 10) DEFAULT 0 NOT NULL,
	"max_budget" numeric(24, 10),
	"rpm_limit" integer,
	"tpm_limit" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_memberships_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"alias" text,
	"organisation_id" text,
	"models" text[] DEFAULT '{}'::text[] NOT NULL,
	"object_permission" jsonb,
	"spend" numeric(24, 10) DEFAULT 0 NOT NULL,
	"max_budget" numeric(24, 10),
	"soft_budget" numeric(24, 10),
	"budget_duration" text,
	"budget_reset_at" timestamp (3) with time zone,
	"rpm_limit" integer,
	"tpm_limit" integer,
	"max_parallel_requests" integer,
	"blocked" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text,
	"alias" text,
	"role" text DEFAULT 'internal_user' NOT NULL,
	"organisation_id" text,
	"models" text[] DEFAULT '{}'::text[] NOT NULL,
	"spend" numeric(24, 10) DEFAULT 0 NOT NULL,
	"max_budget" numeric(24, 10),
	"soft_budget" numeric(24, 10),
	"budget_duration" text,
	"budget_reset_at" timestamp (3) with time zone,
	"rpm_limit" integer,
	"tpm_limit" integer,
	"max_parallel_requests" integer,
	"blocked" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "virtual_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"key_hint" text NOT NULL,
	"key_alias" text,
	"team_id" text,
	"user_id" text,
	"organisation_id" text,
	"models" text[] DEFAULT '{}'::text[] NOT NULL,
	"object_permission" jsonb,
	"spend" numeric(24, 10) DEFAULT 0 NOT NULL,
	"max_budget" numeric(24, 10),
	"soft_budget" numeric(24, 10),
	"budget_duration" text,
	"budget_reset_at" timestamp (3) with time zone,
	"rpm_limit" integer,
	"tpm_limit" integer,
	"max_parallel_requests" integer,
	"blocked" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"url" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"secret_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"secrets_ciphertext" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mcp_servers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"url" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"secret_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"secrets_ciphertext" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_deployments" (
	"id" text PRIMARY KEY NOT NULL,
	"model_group" text NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"api_base" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"model_info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rpm" integer,
	"tpm" integer,
	"weight" integer,
	"order" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"secret_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"secrets_ciphertext" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_spend" (
	"day" date NOT NULL,
	"scope" text NOT NULL,
	"scope_id" text NOT NULL,
	"model_group" text NOT NULL,
	"provider" text NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"successful_requests" bigint DEFAULT 0 NOT NULL,
	"failed_requests" bigint DEFAULT 0 NOT NULL,
	"cache_hits" bigint DEFAULT 0 NOT NULL,
	"prompt_tokens" bigint DEFAULT 0 NOT NULL,
	"completion_tokens" bigint DEFAULT 0 NOT NULL,
	"cached_tokens" bigint DEFAULT 0 NOT NULL,
	"reasoning_tokens" bigint DEFAULT 0 NOT NULL,
	"cost" numeric(24, 10) DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_logs" (
	"request_id" text PRIMARY KEY NOT NULL,
	"key_hash" text,
	"user_id" text,
	"team_id" text,
	"organisation_id" text,
	"end_user_id" text,
	"model_group" text NOT NULL,
	"deployment_id" text,
	"provider" text DEFAULT '' NOT NULL,
	"model" text,
	"route" text,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"cached_tokens" integer DEFAULT 0 NOT NULL,
	"reasoning_tokens" integer DEFAULT 0 NOT NULL,
	"cost" numeric(24, 10) DEFAULT 0 NOT NULL,
	"latency_ms" integer NOT NULL,
	"time_to_first_token_ms" integer,
	"status" text NOT NULL,
	"error_class" text,
	"cache_hit" boolean DEFAULT false NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"metadata" jsonb,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_memberships" ADD CONSTRAINT "team_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_keys" ADD CONSTRAINT "virtual_keys_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_keys" ADD CONSTRAINT "virtual_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_keys" ADD CONSTRAINT "virtual_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_occurred_at_idx" ON "audit_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor","occurred_at");--> statement-breakpoint
CREATE INDEX "end_users_budget_reset_at_idx" ON "end_users" USING btree ("budget_reset_at");--> statement-breakpoint
CREATE INDEX "team_memberships_user_id_idx" ON "team_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "teams_organisation_id_idx" ON "teams" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_organisation_id_idx" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "virtual_keys_key_hash_key" ON "virtual_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "virtual_keys_team_id_idx" ON "virtual_keys" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "virtual_keys_user_id_idx" ON "virtual_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "virtual_keys_organisation_id_idx" ON "virtual_keys" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "virtual_keys_budget_reset_at_idx" ON "virtual_keys" USING btree ("budget_reset_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agents_name_key" ON "agents" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "mcp_servers_name_key" ON "mcp_servers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "model_deployments_model_group_idx" ON "model_deployments" USING btree ("model_group");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_spend_scope_entity_day_key" ON "daily_spend" USING btree ("scope","scope_id","day","model_group","provider");--> statement-breakpoint
CREATE INDEX "daily_spend_scope_day_idx" ON "daily_spend" USING btree ("scope","day");--> statement-breakpoint
CREATE INDEX "spend_logs_started_at_idx" ON "spend_logs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "spend_logs_key_hash_started_at_idx" ON "spend_logs" USING btree ("key_hash","started_at");--> statement-breakpoint
CREATE INDEX "spend_logs_team_id_started_at_idx" ON "spend_logs" USING btree ("team_id","started_at");--> statement-breakpoint
CREATE INDEX "spend_logs_user_id_started_at_idx" ON "spend_logs" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "spend_logs_end_user_id_started_at_idx" ON "spend_logs" USING btree ("end_user_id","started_at");--> statement-breakpoint
CREATE INDEX "spend_logs_model_group_started_at_idx" ON "spend_logs" USING btree ("model_group","started_at");--> statement-breakpoint
CREATE INDEX "spend_logs_status_started_at_idx" ON "spend_logs" USING btree ("status","started_at");--> statement-breakpoint
CREATE INDEX "spend_logs_tags_idx" ON "spend_logs" USING gin ("tags");